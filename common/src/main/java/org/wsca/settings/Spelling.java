package org.wsca.settings;

import java.util.List;

/** "Did you mean" suggestions for mistyped keys. */
final class Spelling {
  private Spelling() {}

  /**
   * The candidate closest to {@code path} by edit distance, if close enough; otherwise one that
   * ends with the same key (a key written in the wrong block); otherwise null.
   */
  static String nearest(String path, List<String> candidates) {
    String best = null;
    int bestDistance = Math.max(2, path.length() / 5) + 1;
    for (String candidate : candidates) {
      int d = distance(path, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null ? best : sameLastKey(path, candidates);
  }

  private static String sameLastKey(String path, List<String> candidates) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    return candidates.stream().filter(c -> c.endsWith("." + last)).findFirst().orElse(null);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
