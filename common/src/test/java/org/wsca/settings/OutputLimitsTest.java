package org.wsca.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wsca.settings.Fixtures.failure;
import static org.wsca.settings.Fixtures.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits found by trying WSCA as an operator would (issue 15): run ids too long for the file names
 * derived from them, an unbounded permutation count, the lease's staleness age, and a mistyped
 * include that HOCON would silently skip. Each fails at start-up with exit code 2.
 */
class OutputLimitsTest {
  @TempDir Path dir;

  /** Case 6: at 201 characters the history file name no longer fit; now 121 fails at once. */
  @Test
  void aRunIdTooLongForItsFileNamesIsRejectedAtStartUp() {
    String longest = "r".repeat(SettingsParser.MAX_RUN_ID_LENGTH);
    assertThat(load("output.run-id=" + longest).output().runId()).hasSize(120);
    for (int length : List.of(121, 201, 230)) {
      assertThat(failure("output.run-id=" + "r".repeat(length)))
          .contains("wsca.output.run-id")
          .contains("is " + length + " characters long; at most 120 fit")
          .contains("Fix: use a shorter run id");
    }
  }

  @Test
  void permutationCountHasAnUpperBound() {
    assertThat(load("permutation.count=1000000").permutation().count()).isEqualTo(1_000_000);
    assertThat(failure("permutation.count=100000000"))
        .contains("wsca.permutation.count = 100000000 is out of range: must be <= 1000000");
  }

  @Test
  void leaseStaleAfterIsADurationOfAtLeastOneSecond() {
    assertThat(load().output().leaseStaleAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(load("output.lease-stale-after=30s").output().leaseStaleAfter())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(failure("output.lease-stale-after=10ms"))
        .contains("wsca.output.lease-stale-after")
        .contains("at least");
    assertThat(failure("output.lease-stale-after=soon")).contains("wsca.output.lease-stale-after");
  }

  /** Case 8: HOCON skips a missing include; a settings file's includes are required. */
  @Test
  void aMissingIncludeFailsNamingTheFile() throws IOException {
    Path shared = dir.resolve("shared.conf");
    Files.writeString(shared, "wsca { permutation.count = 99 }");
    Path good = dir.resolve("good.conf");
    Files.writeString(good, "include \"shared.conf\"\nwsca { seed = 7 }");
    Settings loaded = SettingsLoader.load(Optional.of(good), List.of(), new Properties());
    assertThat(loaded.permutation().count()).isEqualTo(99);

    Path mistyped = dir.resolve("mistyped.conf");
    Files.writeString(mistyped, "include \"shraed.conf\"\nwsca { seed = 7 }");
    assertThat(
            failure(() -> SettingsLoader.load(Optional.of(mistyped), List.of(), new Properties())))
        .contains(mistyped.toString())
        .contains("shraed.conf");
  }
}
