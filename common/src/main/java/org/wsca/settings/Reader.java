package org.wsca.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.wsca.errors.WscaException;

/**
 * Typed reads of one settings block. Every failure becomes a BAD_SETTINGS error naming the full key
 * path ({@code prefix + key}), the offending value, where it was set, and the fix.
 */
final class Reader {
  private final Config config;
  private final String prefix;

  Reader(Config config, String prefix) {
    this.config = config;
    this.prefix = prefix;
  }

  String path(String key) {
    return prefix + key;
  }

  boolean has(String key) {
    return config.hasPathOrNull(key);
  }

  /** True when the value is written as a string (e.g. {@code auto} where a number may stand). */
  boolean isString(String key) {
    return config.getValue(key).valueType() == com.typesafe.config.ConfigValueType.STRING;
  }

  String string(String key) {
    return read(key, "a string", Config::getString);
  }

  boolean bool(String key) {
    return read(key, "true or false", Config::getBoolean);
  }

  List<String> strings(String key) {
    return read(key, "a list of strings such as [\"a\", \"b\"]", Config::getStringList);
  }

  long wholeNumber(String key) {
    Number n = read(key, "a whole number", Config::getNumber);
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
        throw wrongType(key, "a whole number");
      }
    }
    return n.longValue();
  }

  int integer(String key, Interval range, String fix) {
    long n = wholeNumber(key);
    check(key, n, range, fix);
    if (n > Integer.MAX_VALUE) { // every integer setting has a lower bound, checked above
      throw invalid(key, "is too large: must be at most " + Integer.MAX_VALUE);
    }
    return (int) n;
  }

  java.time.Duration duration(String key, java.time.Duration least) {
    java.time.Duration d = read(key, "a duration such as 10m or 30s", Config::getDuration);
    if (d.compareTo(least) < 0) {
      throw invalid(key, "is " + d + "; it must be at least " + least);
    }
    return d;
  }

  double number(String key, Interval range, String fix) {
    double x = read(key, "a number", Config::getDouble);
    check(key, x, range, fix);
    return x;
  }

  /** One of {@code allowed}, case-insensitive, returned in lower case. */
  String choice(String key, List<String> allowed, String what) {
    String value = string(key).trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw WscaException.badSettings(
          String.format(
              "%s = %s is not a known %s: use %s%s",
              path(key), show(key), what, oneOf(allowed), where(key)));
    }
    return value;
  }

  /** A closed choice spelled by {@code label}; the values' order is the order the error lists. */
  <E extends Enum<E>> E labelled(
      String key, E[] values, java.util.function.Function<E, String> label, String what) {
    List<String> labels = java.util.Arrays.stream(values).map(label).toList();
    return values[labels.indexOf(choice(key, labels, what))];
  }

  <E extends Enum<E>> E constant(String key, Class<E> type, String what) {
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    return Enum.valueOf(type, choice(key, names, what).toUpperCase(Locale.ROOT));
  }

  WscaException invalid(String key, String problem) {
    return WscaException.badSettings(
        String.format("%s = %s %s%s", path(key), show(key), problem, where(key)));
  }

  private void check(String key, double x, Interval range, String fix) {
    if (!range.contains(x)) {
      throw invalid(key, "is out of range: must be " + range.describe() + " " + fix);
    }
  }

  private <T> T read(String key, String expected, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(config, key);
    } catch (ConfigException.Null e) {
      throw WscaException.badSettings(
          path(key) + " is null: give it a value or remove it to use the default" + where(key));
    } catch (ConfigException.Missing e) {
      throw WscaException.badSettings(path(key) + " is missing: set it to " + expected);
    } catch (ConfigException e) {
      throw wrongType(key, expected);
    }
  }

  private WscaException wrongType(String key, String expected) {
    return invalid(key, "has the wrong type: set it to " + expected);
  }

  String show(String key) {
    return config.getIsNull(key)
        ? "null"
        : config.getValue(key).render(ConfigRenderOptions.concise());
  }

  /** Where the value came from, so a user knows which file or flag to fix. */
  String where(String key) {
    if (!config.hasPath(key)) {
      return "";
    }
    String origin = config.getValue(key).origin().description();
    return origin == null || origin.isEmpty() ? "" : "; set in " + origin;
  }

  static String oneOf(List<String> allowed) {
    if (allowed.size() == 1) {
      return allowed.get(0);
    }
    int last = allowed.size() - 1;
    return String.join(", ", allowed.subList(0, last)) + " or " + allowed.get(last);
  }
}
