package org.wsca.method;

import org.wsca.math.NullSummary;
import org.wsca.math.PermutationTest;

/**
 * T_1..T_B of one (metadata task, scope) test, from heads refitted on permuted labels
 * (method.md section 6), and how many of those heads did not converge.
 */
public record NullDistribution(double[] statistics, int nonConverged) {

  public int permutations() {
    return statistics.length;
  }

  public double pValue(double observed) {
    return PermutationTest.pValue(observed, statistics);
  }

  public NullSummary summary() {
    return NullSummary.of(statistics);
  }
}
