package org.wsca.method;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The Monte Carlo floor of docs/method.md section 6. With B permutations the smallest p is 1/(B+1),
 * so an isolated effect in a family of m tests has q >= m/(B+1) (rank 1 of Benjamini-Hochberg;
 * Holm's smallest adjusted p is the same). When m/(B+1) > alpha no finding of that family can reach
 * the verdict, whatever the data: the run warns at start-up, and {@code permutation.count = auto}
 * chooses B to clear it with a margin.
 */
public final class MonteCarloFloor {
  /** auto never goes below the default B, whose resolution the calibration study measured. */
  public static final int AUTO_MIN = 999;

  /** auto stops here: each further 256 permutations cost one more batched chunk per test. */
  public static final int AUTO_MAX = 99_999;

  /**
   * auto asks m/(B+1) <= alpha / MARGIN: an effect whose Monte Carlo p is up to MARGIN/(B+1) (at
   * most MARGIN - 1 permuted T_b at or above T by chance) still reaches q <= alpha when alone.
   */
  public static final int MARGIN = 4;

  private MonteCarloFloor() {}

  /** The smallest q an isolated finding can have: m/(B+1). */
  public static double smallestQ(int m, int permutations) {
    return m / (permutations + 1.0);
  }

  /** The smallest B of the form 100k - 1 with m/(B+1) <= level. */
  public static int countFor(int m, double level) {
    if (m < 0 || !(level > 0)) {
      throw new IllegalArgumentException("m is " + m + " and level " + level);
    }
    long k = Math.max(1, (long) Math.ceil(m / (100.0 * level)));
    while (k > 1 && m / (100.0 * (k - 1)) <= level) {
      k--;
    }
    while (m / (100.0 * k) > level) {
      k++;
    }
    return (int) Math.min(Integer.MAX_VALUE, 100 * k - 1);
  }

  /**
   * B for {@code permutation.count = auto}: the smallest 100k - 1, at least {@link #AUTO_MIN} and
   * at most {@link #AUTO_MAX}, with m/(B+1) <= alpha/{@link #MARGIN} for every family size m.
   */
  public static int auto(Collection<Integer> familySizes, double alpha) {
    int b = AUTO_MIN;
    for (int m : familySizes) {
      b = Math.max(b, countFor(m, alpha / MARGIN));
    }
    return Math.min(b, AUTO_MAX);
  }

  /**
   * The start-up warning for one family when its verdicts cannot be reached: a verdict's claim of
   * use rests on the decision-dependence test's q (docs/method.md section 8), so B here is {@code
   * dependence.permutations}. Empty when a finding is reachable.
   */
  public static Optional<String> verdictWarning(
      Role family, int m, int dependencePermutations, double alpha) {
    if (smallestQ(m, dependencePermutations) <= alpha) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "The %s family has m = %d tests; with dependence.permutations = %d an isolated"
                + " effect's smallest q is m/(B+1) = %.3g > verdict.alpha = %s, so no %s verdict"
                + " of this family is reachable. Fix: set dependence.permutations to at least %d,"
                + " or test fewer tasks or scopes.",
            name(family),
            m,
            dependencePermutations,
            smallestQ(m, dependencePermutations),
            alpha,
            family == Role.CLINICAL ? Verdict.USES_CLINICAL_SIGNAL : Verdict.SHORTCUT_RISK,
            countFor(m, alpha)));
  }

  /**
   * The start-up note for one family when WSC's q (reported beside the verdict, not deciding it)
   * cannot reach alpha with {@code permutation.count}; empty otherwise.
   */
  public static Optional<String> wscNote(Role family, int m, int permutations, double alpha) {
    if (smallestQ(m, permutations) <= alpha) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "WSC in the %s family (m = %d tests): with permutation.count = %d its smallest q is"
                + " m/(B+1) = %.3g > verdict.alpha = %s, so no WSC q of this family can reach"
                + " alpha. The verdicts do not depend on it (they rest on the decision-dependence"
                + " test). For WSC findings set permutation.count to at least %d (or auto, which"
                + " chooses %d here).",
            name(family),
            m,
            permutations,
            smallestQ(m, permutations),
            alpha,
            countFor(m, alpha),
            Math.min(AUTO_MAX, Math.max(AUTO_MIN, countFor(m, alpha / MARGIN)))));
  }

  private static String name(Role family) {
    return family.name().toLowerCase(Locale.ROOT);
  }
}
