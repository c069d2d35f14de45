package org.wsca.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wsca.errors.WscaException;

/**
 * Rejects keys under {@code wsca} that reference.conf does not declare. Typesafe Config ignores
 * unknown keys, so without this a typo would silently fall back to the default.
 */
final class UnknownKeys {
  /** Lists of objects whose element keys are fixed, keyed by their path. */
  private static final Map<String, Set<String>> OBJECT_LISTS =
      Map.of("wsca.input.metadata", MetadataParser.KEYS);

  private final List<String> known;
  private final List<String> problems = new ArrayList<>();

  private UnknownKeys(List<String> known) {
    this.known = known;
  }

  static void check(Config merged, Config reference) {
    ConfigValue user = merged.root().get(SettingsLoader.ROOT);
    if (!(user instanceof ConfigObject userRoot)) {
      return; // not an object: checkValid reports the type
    }
    UnknownKeys keys = new UnknownKeys(leafPaths(reference));
    keys.walk(userRoot, reference.getObject(SettingsLoader.ROOT), SettingsLoader.ROOT);
    if (!keys.problems.isEmpty()) {
      throw WscaException.badSettings(
          String.join("; ", keys.problems)
              + ". Fix the spelling or remove the key; reference.conf lists every setting.");
    }
  }

  private static List<String> leafPaths(Config reference) {
    List<String> paths = new ArrayList<>();
    reference.withOnlyPath(SettingsLoader.ROOT).entrySet().forEach(e -> paths.add(e.getKey()));
    paths.sort(null);
    return paths;
  }

  private void walk(ConfigObject user, ConfigObject ref, String path) {
    for (String key : new TreeSet<>(user.keySet())) {
      ConfigValue u = user.get(key);
      ConfigValue r = ref.get(key);
      String p = path + "." + key;
      if (r == null) {
        reportLeaves(u, p, known);
      } else if (r instanceof ConfigObject refChild && u instanceof ConfigObject userChild) {
        walk(userChild, refChild, p);
      } else if (OBJECT_LISTS.containsKey(p) && u instanceof ConfigList list) {
        walkElements(list, p, OBJECT_LISTS.get(p));
      }
    }
  }

  private void walkElements(ConfigList list, String path, Set<String> allowed) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof ConfigObject element) {
        String prefix = path + "[" + i + "].";
        List<String> candidates = allowed.stream().map(k -> prefix + k).sorted().toList();
        for (String key : new TreeSet<>(element.keySet())) {
          if (!allowed.contains(key)) {
            reportLeaves(element.get(key), prefix + key, candidates);
          }
        }
      }
    }
  }

  /** Reports the leaves under an unknown object, so the suggestion can be a full key. */
  private void reportLeaves(ConfigValue value, String path, List<String> candidates) {
    if (value instanceof ConfigObject object && !object.isEmpty()) {
      for (String key : new TreeSet<>(object.keySet())) {
        reportLeaves(object.get(key), path + "." + key, candidates);
      }
      return;
    }
    String message = "Unknown setting " + path;
    String suggestion = Spelling.nearest(path, candidates);
    if (suggestion != null) {
      message += " (did you mean " + suggestion + "?)";
    }
    String origin = value.origin().description();
    problems.add(origin == null || origin.isEmpty() ? message : message + ", set in " + origin);
  }
}
