package org.wsca.method;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wsca.math.Testability;

/**
 * The least a permutation must be able to move for its test to mean anything (docs/method.md
 * section 6). A task constant inside every stratum (one scanner per site, or the task is the site)
 * makes every permutation the identity, so p would be decided by solver noise; a task that varies
 * in only a sliver of the rows gives permuted heads that are almost the observed one. Below the
 * floor the test is NOT_TESTED with a reason naming the strata and the fix.
 *
 * @param minMovableRows fewest rows that must be able to change label
 * @param minMovableFraction smallest share of the training rows that must be able to change label
 * @param minDistinctPermutations fewest distinct relabelings; with fewer, the smallest attainable
 *     exact p is above 1/minDistinctPermutations and Monte Carlo draws repeat each other
 */
public record TestabilityFloor(
    int minMovableRows, double minMovableFraction, double minDistinctPermutations) {
  private static final int NAMED = 5;

  public TestabilityFloor {
    if (minMovableRows < 1) {
      throw new IllegalArgumentException("minMovableRows is " + minMovableRows + "; must be >= 1");
    }
    if (!(minMovableFraction >= 0.0 && minMovableFraction <= 1.0)) {
      throw new IllegalArgumentException(
          "minMovableFraction is " + minMovableFraction + "; must be in [0, 1]");
    }
    if (!(minDistinctPermutations >= 2)) {
      throw new IllegalArgumentException(
          "minDistinctPermutations is " + minDistinctPermutations + "; must be >= 2");
    }
  }

  /** Why the test cannot be run, or empty when it clears the floor. */
  public Optional<String> skipReason(Testability t, String task, List<String> strataKeys) {
    String within = within(strataKeys);
    if (t.movableRows() == 0) {
      return Optional.of(
          "task "
              + task
              + " takes one value"
              + unitWord(t)
              + " within every permutation stratum ("
              + strataSetting(strataKeys)
              + "; "
              + named("strata", t.fixedStrata())
              + "), so every permutation "
              + within
              + " is the identity and the test cannot separate "
              + task
              + " from "
              + String.join(" and ", strataKeys.isEmpty() ? List.of("itself") : strataKeys)
              + ". "
              + fix(strataKeys));
    }
    long needed = Math.max(minMovableRows, (long) Math.ceil(minMovableFraction * t.rows()));
    if (t.movableRows() < needed) {
      return Optional.of(
          "task "
              + task
              + " varies"
              + unitWord(t)
              + " "
              + within
              + " in only "
              + t.movingStrata().size()
              + " of "
              + (t.movingStrata().size() + t.fixedStrata().size())
              + " strata ("
              + strataSetting(strataKeys)
              + "; "
              + named("varying", t.movingStrata())
              + "): "
              + t.movableRows()
              + " of "
              + t.rows()
              + " training rows ("
              + percent(t.movableFraction())
              + ") can change label, fewer than "
              + needed
              + " (permutation.min-movable-rows = "
              + minMovableRows
              + ", permutation.min-movable-fraction = "
              + minMovableFraction
              + "), so every permuted head would be almost the observed one. "
              + fix(strataKeys)
              + " Or read the per-site scopes of the varying strata, or lower those settings"
              + " knowing the null then rests on those rows only.");
    }
    if (t.log10Permutations() < Math.log10(minDistinctPermutations)) {
      return Optional.of(
          "task "
              + task
              + " has only about "
              + String.format(Locale.ROOT, "%.0f", Math.pow(10, t.log10Permutations()))
              + " distinct permutations"
              + unitWord(t)
              + " "
              + within
              + " ("
              + strataSetting(strataKeys)
              + "), fewer than permutation.min-distinct-permutations = "
              + String.format(Locale.ROOT, "%.0f", minDistinctPermutations)
              + ": the smallest attainable p is above "
              + String.format(Locale.ROOT, "%.4g", 1.0 / minDistinctPermutations)
              + ". "
              + fix(strataKeys));
    }
    return Optional.empty();
  }

  private static String within(List<String> strataKeys) {
    return strataKeys.isEmpty() ? "across all rows" : "within " + String.join("+", strataKeys);
  }

  private static String unitWord(Testability t) {
    return switch (t.unit()) {
      case IMAGE -> "";
      case PATIENT -> " per patient (whole patients move)";
      case PATIENT_SEQUENCE ->
          " per patient (it varies within some patients, so patients move as whole blocks among"
              + " patients with the same number of rows in each stratum)";
    };
  }

  private static String strataSetting(List<String> strataKeys) {
    return "permutation.strata = [" + String.join(", ", strataKeys) + "]";
  }

  private static String named(String what, List<String> strata) {
    StringBuilder out = new StringBuilder(what).append(' ');
    for (int i = 0; i < Math.min(NAMED, strata.size()); i++) {
      out.append(i == 0 ? "" : ", ").append('\'').append(strata.get(i)).append('\'');
    }
    if (strata.size() > NAMED) {
      out.append(" and ").append(strata.size() - NAMED).append(" more");
    }
    return out.toString();
  }

  private static String fix(List<String> strataKeys) {
    if (strataKeys.isEmpty()) {
      return "Fix: none inside this scope: the test needs more rows (or patients) that differ in it.";
    }
    return "Fix: set permutation.strata = []"
        + (strataKeys.contains("label") ? " or [site]" : "")
        + " to permute across "
        + String.join(" and ", strataKeys)
        + " (accepting that the test then cannot tell the task's alignment from that of "
        + String.join(" and ", strataKeys)
        + ").";
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }

  /** The documented defaults of reference.conf. */
  public static TestabilityFloor defaults() {
    return new TestabilityFloor(20, 0.05, 1000);
  }
}
