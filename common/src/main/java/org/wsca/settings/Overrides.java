package org.wsca.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.wsca.errors.WscaException;

/**
 * Turns {@code key=value} overrides (command-line flags, {@code -Dwsca.*} properties) into a
 * Config. Lists, objects, quoted strings, numbers and booleans are parsed as HOCON; any other value
 * is taken literally, so {@code output.root=s3a://bucket/out} needs no quotes (unquoted, HOCON
 * would read {@code //} as a comment).
 */
final class Overrides {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private Overrides() {}

  /** Later entries win. Keys may be relative to {@code wsca} or start with it. */
  static Config parse(List<String> entries, String source) {
    Config config = ConfigFactory.empty();
    for (String entry : entries) {
      config = with(config, entry, source);
    }
    return config;
  }

  /** The {@code wsca.*} entries of {@code properties}, in key order so the result is stable. */
  static Config fromProperties(Properties properties) {
    List<String> entries =
        properties.stringPropertyNames().stream()
            .filter(k -> k.startsWith(SettingsLoader.ROOT + "."))
            .sorted()
            .map(k -> k + "=" + properties.getProperty(k))
            .toList();
    return parse(entries, "system property");
  }

  private static Config with(Config config, String entry, String source) {
    int eq = entry.indexOf('=');
    if (eq <= 0) {
      throw WscaException.badSettings(
          String.format(
              "The %s \"%s\" is not key=value: write it like permutation.count=999",
              source, entry));
    }
    String key = qualify(entry.substring(0, eq).trim());
    ConfigValue value = value(key, entry.substring(eq + 1).trim(), source);
    try {
      return config.withValue(key, value);
    } catch (ConfigException e) {
      throw WscaException.badSettings(
          String.format(
              "The %s \"%s\" has a malformed key: write it like permutation.count=999 (%s)",
              source, entry, e.getMessage()));
    }
  }

  private static String qualify(String key) {
    String root = SettingsLoader.ROOT;
    return key.equals(root) || key.startsWith(root + ".") ? key : root + "." + key;
  }

  private static ConfigValue value(String key, String text, String source) {
    String origin = "the " + source + " " + key;
    if (!isHocon(text)) {
      return ConfigValueFactory.fromAnyRef(text, origin);
    }
    try {
      ConfigParseOptions options = ConfigParseOptions.defaults().setOriginDescription(origin);
      ConfigValue value = ConfigFactory.parseString("v = " + text, options).getValue("v");
      return value.withOrigin(ConfigOriginFactory.newSimple(origin));
    } catch (ConfigException e) {
      throw WscaException.badSettings(
          String.format(
              "The %s %s=%s is not a valid value: quote strings and write lists like"
                  + " [\"a\", \"b\"] (%s)",
              source, key, text, e.getMessage()));
    }
  }

  private static boolean isHocon(String text) {
    return text.startsWith("[")
        || text.startsWith("{")
        || text.startsWith("\"")
        || text.equals("true")
        || text.equals("false")
        || NUMBER.matcher(text).matches();
  }
}
