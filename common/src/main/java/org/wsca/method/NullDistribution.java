package org.wsca.method;

import org.wsca.math.NullSummary;
import org.wsca.math.PermutationPValue;

/**
 * T_1..T_B of one (metadata task, scope) test, from heads refitted on permuted labels
 * (docs/method.md section 6), and how many of those heads did not converge. {@code converged[b -
 * 1]} says whether head b converged; it is null when the engine did not record it per head.
 */
public record NullDistribution(double[] statistics, int nonConverged, boolean[] converged) {

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
    this(statistics, nonConverged, null);
  }

  /** From per-head results; the non-converged count is derived from the flags. */
  public static NullDistribution of(double[] statistics, boolean[] converged) {
    int nonConverged = 0;
    for (boolean c : converged) {
      nonConverged += c ? 0 : 1;
    }
    return new NullDistribution(statistics, nonConverged, converged);
  }

  public int permutations() {
    return statistics.length;
  }

  public double pValue(double observed) {
    return PermutationPValue.pValue(observed, statistics);
  }

  public NullSummary summary() {
    return NullSummary.of(statistics);
  }
}
