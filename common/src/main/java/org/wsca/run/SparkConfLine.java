package org.wsca.run;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The Spark configuration as one log line: every entry, sorted, except that JVM option lists
 * ({@code *JavaOptions}, several KB of module flags each) are summarised by their option count. The
 * manifest table keeps the full values.
 */
final class SparkConfLine {
  private SparkConfLine() {}

  static String of(Map<String, String> conf) {
    StringJoiner line = new StringJoiner(", ", "{", "}");
    new TreeMap<>(conf)
        .forEach(
            (key, value) ->
                line.add(key + "=" + (key.endsWith("JavaOptions") ? summary(value) : value)));
    return line.toString();
  }

  private static String summary(String options) {
    String trimmed = options.trim();
    int count = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    return "<" + count + " JVM options; full value in the manifest table>";
  }
}
