package org.wsca.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.wsca.errors.WscaException;

/**
 * Builds {@link Settings} from, highest precedence first: command-line overrides, {@code -Dwsca.*}
 * system properties, the user's settings file, and reference.conf. Every check runs here, before
 * any work starts, and fails with a BAD_SETTINGS {@link WscaException}.
 */
public final class SettingsLoader {
  /** The one root of every WSCA key, so Spark's {@code spark.*} properties never mix in. */
  static final String ROOT = "wsca";

  private SettingsLoader() {}

  public static Settings load(Optional<Path> userFile, List<String> overrides) {
    return load(userFile, overrides, System.getProperties());
  }

  static Settings load(Optional<Path> userFile, List<String> overrides, Properties properties) {
    Config layers =
        Overrides.parse(overrides, "command-line override")
            .withFallback(Overrides.fromProperties(properties))
            .withFallback(userFile.map(SettingsLoader::parseFile).orElse(ConfigFactory.empty()));
    return fromConfig(layers);
  }

  /** Validates {@code merged} (reference.conf fills what it lacks) and reads it. */
  public static Settings fromConfig(Config merged) {
    Config reference = referenceConfig();
    Config resolved = resolve(merged.withFallback(reference));
    UnknownKeys.check(resolved, reference);
    checkTypes(resolved, reference);
    return SettingsParser.parse(resolved);
  }

  /**
   * The {@code wsca} defaults. Not {@code ConfigFactory.defaultReference()}: that overlays (and
   * caches) the system properties, which would hide mistyped {@code -D} keys from the check.
   */
  public static Config referenceConfig() {
    return ConfigFactory.defaultReferenceUnresolved().resolve().withOnlyPath(ROOT);
  }

  static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw WscaException.badSettings(
          "Settings file " + file + " does not exist or is not a file: check the path");
    }
    Config config;
    try {
      ConfigParseOptions options =
          ConfigParseOptions.defaults().setAllowMissing(false).setIncluder(new RequiredIncludes());
      config = ConfigFactory.parseFile(file.toFile(), options);
    } catch (ConfigException e) {
      throw WscaException.badSettings(
          "Settings file " + file + " could not be read: " + e.getMessage());
    }
    requireSingleRoot(file, config);
    return config;
  }

  /** A file without the {@code wsca { }} wrapper would otherwise be silently ignored. */
  private static void requireSingleRoot(Path file, Config config) {
    List<String> strays = new ArrayList<>(config.root().keySet());
    strays.remove(ROOT);
    if (!strays.isEmpty()) {
      strays.sort(null);
      throw WscaException.badSettings(
          String.format(
              "Settings file %s has top-level keys %s outside wsca { ... }: every setting lives"
                  + " under the root wsca, e.g. wsca.%s; wrap the file in wsca { ... }",
              file, strays, strays.get(0)));
    }
  }

  private static Config resolve(Config config) {
    try {
      return config.resolve();
    } catch (ConfigException e) {
      throw WscaException.badSettings("Settings could not be resolved: " + e.getMessage());
    }
  }

  private static void checkTypes(Config resolved, Config reference) {
    try {
      resolved.checkValid(reference, ROOT);
    } catch (ConfigException.ValidationFailed e) {
      List<String> problems = new ArrayList<>();
      e.problems().forEach(p -> problems.add(describe(resolved, reference, p)));
      throw WscaException.badSettings(String.join("; ", problems));
    }
  }

  private static String describe(
      Config resolved, Config reference, ConfigException.ValidationProblem problem) {
    String path = problem.path();
    Reader user = new Reader(resolved, "");
    String value = resolved.hasPathOrNull(path) ? " = " + user.show(path) : "";
    String expected =
        problem
            .problem()
            .replaceFirst("^Wrong value type at '[^']*', expecting: ", "expected ")
            .replace(" but got: ", ", got ");
    return String.format(
        "%s%s has the wrong type (%s); write it like the default, %s%s",
        path, value, expected, example(reference, path), user.where(path));
  }

  private static String example(Config reference, String path) {
    return reference.getValue(path) instanceof ConfigObject
        ? "a block { ... } as in reference.conf"
        : new Reader(reference, "").show(path);
  }
}
