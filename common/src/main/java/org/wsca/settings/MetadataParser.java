package org.wsca.settings;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wsca.errors.WscaException;
import org.wsca.method.Kind;
import org.wsca.method.Role;
import org.wsca.settings.Settings.MetadataTask;

/** Reads {@code wsca.input.metadata}, a list of task objects. */
final class MetadataParser {
  static final Set<String> KEYS = Set.of("name", "column", "kind", "role", "bins");

  /** Task names become folder names and log keys. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private static final String PATH = "wsca.input.metadata";
  private static final String EXAMPLE = "{ name = scanner, kind = categorical }";

  private final int defaultBins;
  private final String labelColumn;

  private MetadataParser(int defaultBins, String labelColumn) {
    this.defaultBins = defaultBins;
    this.labelColumn = labelColumn;
  }

  static List<MetadataTask> parse(ConfigList list, int defaultBins, String labelColumn) {
    MetadataParser parser = new MetadataParser(defaultBins, labelColumn);
    List<MetadataTask> tasks = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      tasks.add(parser.task(list.get(i), PATH + "[" + i + "]"));
    }
    requireUniqueNames(tasks);
    return tasks;
  }

  private MetadataTask task(ConfigValue value, String path) {
    if (!(value instanceof ConfigObject object)) {
      throw WscaException.badSettings(
          String.format(
              "%s = %s is not a task: write each task as an object such as %s",
              path, value.render(ConfigRenderOptions.concise()), EXAMPLE));
    }
    Reader r = new Reader(object.toConfig(), path + ".");
    String name = name(r, path);
    String column = r.has("column") ? nonEmpty(r, "column") : name;
    requireNotLabel(path, name, column);
    Kind kind = kind(r, name);
    Role role = r.has("role") ? r.constant("role", Role.class, "role") : Role.CONFOUNDER;
    return new MetadataTask(name, column, kind, role, bins(r, name, kind));
  }

  private static String name(Reader r, String path) {
    if (!r.has("name")) {
      throw WscaException.badSettings(
          path + ".name is missing: every metadata task needs a name, e.g. " + EXAMPLE);
    }
    String name = r.string("name");
    if (!NAME.matcher(name).matches()) {
      throw r.invalid(
          "name",
          "is not a valid task name: use only letters, digits, '_', '.' and '-'"
              + " (the name is used in output paths and logs)");
    }
    return name;
  }

  private static String nonEmpty(Reader r, String key) {
    String value = r.string(key);
    if (value.isBlank()) {
      throw r.invalid(
          key, "is empty: name the input column, or remove the key to use the task name");
    }
    return value;
  }

  private static Kind kind(Reader r, String task) {
    if (!r.has("kind")) {
      throw WscaException.badSettings(
          r.path("kind")
              + " is missing (task "
              + task
              + "): set kind = binary, categorical"
              + " or continuous");
    }
    return r.constant("kind", Kind.class, "kind");
  }

  private int bins(Reader r, String name, Kind kind) {
    if (!r.has("bins")) {
      return defaultBins;
    }
    if (kind != Kind.CONTINUOUS) {
      throw r.invalid(
          "bins",
          "is set but task "
              + name
              + " is "
              + kind.name().toLowerCase(Locale.ROOT)
              + ": bins apply to continuous tasks only; remove it or set kind = continuous");
    }
    return r.integer("bins", Interval.atLeast(2), "so that each task has at least two classes");
  }

  /** Spark resolves column names case-insensitively by default, so compare that way. */
  private void requireNotLabel(String path, String name, String column) {
    if (column.equalsIgnoreCase(labelColumn)) {
      throw WscaException.badSettings(
          String.format(
              "%s (task %s) reads column \"%s\", which is the label column"
                  + " (wsca.input.columns.label): the label is the primary task, not metadata;"
                  + " remove the task or set its column to another input column",
              path, name, column));
    }
  }

  /** Case-insensitive, because names become folder names. */
  private static void requireUniqueNames(List<MetadataTask> tasks) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      String name = tasks.get(i).name();
      Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
      if (first != null) {
        throw WscaException.badSettings(
            String.format(
                "%s[%d].name = \"%s\" repeats the name of %s[%d] (\"%s\"): give each metadata"
                    + " task a unique name",
                PATH, i, name, PATH, first, tasks.get(first).name()));
      }
    }
  }
}
