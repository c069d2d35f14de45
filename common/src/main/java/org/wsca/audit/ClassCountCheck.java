package org.wsca.audit;

import java.util.Map;
import java.util.Optional;
import org.wsca.method.Kind;

/**
 * Whether a label can be tested in a scope from its training rows' class counts alone: at least two
 * classes (exactly two for a binary task), and each with at least {@code scopes.min-rows-per-class}
 * rows. The dry run applies it to say which tests the audit would run.
 */
final class ClassCountCheck {
  private ClassCountCheck() {}

  /** Why {@code what} cannot be tested with these class counts; empty when it can. */
  static Optional<String> problem(String what, Kind kind, Map<String, Long> counts, int min) {
    if (counts.size() < 2) {
      return Optional.of(
          what
              + " has "
              + counts.size()
              + " class(es) "
              + counts.keySet()
              + " in the training rows; at least 2 are needed");
    }
    Map.Entry<String, Long> rarest =
        counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
    if (rarest.getValue() < min) {
      return Optional.of(
          what
              + " class '"
              + rarest.getKey()
              + "' has "
              + rarest.getValue()
              + " training rows, fewer than wsca.scopes.min-rows-per-class = "
              + min);
    }
    if (kind == Kind.BINARY && counts.size() != 2) {
      return Optional.of(
          what
              + " is declared binary but has "
              + counts.size()
              + " classes "
              + counts.keySet()
              + "; set its kind = categorical");
    }
    return Optional.empty();
  }
}
