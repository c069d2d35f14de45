package org.wsca.math;

/** The permutation p-value of docs/method.md section 6. */
public final class PermutationPValue {
  private PermutationPValue() {}

  /**
   * p = (1 + #{b : T_b >= T}) / (B + 1). The observed statistic counts as one draw from the null,
   * so p is never 0 and the test is exact at level alpha under exchangeability.
   */
  public static double pValue(double observed, double[] nullStatistics) {
    if (Double.isNaN(observed)) {
      throw new IllegalArgumentException("Observed statistic is NaN; there is nothing to test");
    }
    if (nullStatistics.length == 0) {
      throw new IllegalArgumentException(
          "No null statistics; a permutation test needs B >= 1 permutations");
    }
    int atLeastAsLarge = 0;
    for (int b = 0; b < nullStatistics.length; b++) {
      if (Double.isNaN(nullStatistics[b])) {
        throw new IllegalArgumentException("Null statistic " + b + " is NaN; a null refit failed");
      }
      atLeastAsLarge += nullStatistics[b] >= observed ? 1 : 0;
    }
    return (1.0 + atLeastAsLarge) / (nullStatistics.length + 1.0);
  }
}
