package org.wsca.method;

import org.wsca.math.NullSummary;
import org.wsca.math.PermutationPValue;

/**
 * T_1..T_B of one (metadata task, scope) test, from heads refitted on permuted labels
 * (docs/method.md section 6), and how many of those heads did not converge. {@code converged[b -
 * 1]} says whether head b converged; it is null when the engine did not record it per head.
 *
 * <p>{@code observed} is T_0: the statistic of permutation 0 (the observed labels) fitted by the
 * same engine, estimator, solver and stopping rule as T_1..T_B, so that p = (1 + #{T_b >= T_0}) /
 * (B + 1) is exact (ties included: with the identity for every b, p = 1). NaN when the engine did
 * not fit permutation 0; {@code observedConverged} says whether that head converged.
 */
public record NullDistribution(
    double[] statistics,
    int nonConverged,
    boolean[] converged,
    double observed,
    boolean observedConverged) {

  public NullDistribution {
    if (converged != null && converged.length != statistics.length) {
      throw new IllegalArgumentException(
          "A null distribution of "
              + statistics.length
              + " statistics has "
              + converged.length
              + " convergence flags");
    }
  }

  public NullDistribution(double[] statistics, int nonConverged) {
    this(statistics, nonConverged, null, Double.NaN, false);
  }

  /** From per-head results; the non-converged count is derived from the flags. */
  public static NullDistribution of(double[] statistics, boolean[] converged) {
    return of(statistics, converged, Double.NaN, false);
  }

  /** From per-head results and permutation 0's statistic and convergence. */
  public static NullDistribution of(
      double[] statistics, boolean[] converged, double observed, boolean observedConverged) {
    int nonConverged = 0;
    for (boolean c : converged) {
      nonConverged += c ? 0 : 1;
    }
    return new NullDistribution(statistics, nonConverged, converged, observed, observedConverged);
  }

  public int permutations() {
    return statistics.length;
  }

  /** True when permutation 0 was fitted with the null's heads ({@link #observed}). */
  public boolean hasObserved() {
    return !Double.isNaN(observed);
  }

  /** Share of the B permuted heads that did not converge. */
  public double nonConvergedShare() {
    return statistics.length == 0 ? 0.0 : (double) nonConverged / statistics.length;
  }

  public double pValue(double observed) {
    return PermutationPValue.pValue(observed, statistics);
  }

  /** The exact p of {@link #observed} (T_0); NaN when permutation 0 was not fitted. */
  public double exactPValue() {
    return hasObserved() ? pValue(observed) : Double.NaN;
  }

  public NullSummary summary() {
    return NullSummary.of(statistics);
  }
}
