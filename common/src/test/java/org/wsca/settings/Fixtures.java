package org.wsca.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;

/** Loads settings from overrides alone, isolated from the JVM's system properties. */
final class Fixtures {
  private Fixtures() {}

  static Settings load(String... overrides) {
    return SettingsLoader.load(Optional.empty(), List.of(overrides), new Properties());
  }

  /** The message of the BAD_SETTINGS error that loading {@code overrides} must raise. */
  static String failure(String... overrides) {
    return failure(() -> load(overrides));
  }

  static String failure(Runnable action) {
    WscaException e = catchThrowableOfType(WscaException.class, action::run);
    assertThat(e).as("expected a settings error").isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_SETTINGS);
    return e.getMessage();
  }
}
