package org.wsca.math;

/**
 * How many principal components the projection keeps (docs/method.md section 5.2): k = min(rank,
 * max(kMin, k_q)), where k_q is the fewest leading components explaining at least the fraction q of
 * the variance.
 */
public final class KRule {
  private static final double MACHINE_EPSILON = Math.ulp(1.0);

  /** Cumulative sums carry rounding error; without slack q = 1.0 could demand k = d + 1. */
  private static final double FRACTION_SLACK = 1e-12;

  private KRule() {}

  /**
   * Numerical rank, numpy's matrix_rank rule applied to eigenvalues: the count of eigenvalues above
   * max(d, 1) * eps * lambda_max. Eigenvalues at or below it are rounding noise.
   */
  public static int rank(double[] eigenvaluesDescending) {
    double largest = max(eigenvaluesDescending);
    if (!(largest > 0.0)) {
      return 0;
    }
    double tolerance = Math.max(eigenvaluesDescending.length, 1) * MACHINE_EPSILON * largest;
    int rank = 0;
    for (double value : eigenvaluesDescending) {
      if (value > tolerance) {
        rank++;
      }
    }
    return rank;
  }

  public static int choose(double[] eigenvaluesDescending, int kMin, double varianceFraction) {
    if (kMin < 0) {
      throw new IllegalArgumentException("k_min is " + kMin + "; it must be 0 or more");
    }
    if (!(varianceFraction > 0.0 && varianceFraction <= 1.0)) {
      throw new IllegalArgumentException(
          "Variance fraction q is " + varianceFraction + "; it must be in (0, 1]");
    }
    return Math.min(
        rank(eigenvaluesDescending),
        Math.max(kMin, componentsFor(eigenvaluesDescending, varianceFraction)));
  }

  /**
   * Fraction of the variance explained by the first i+1 components, at index i. Only positive
   * eigenvalues count: negative ones are rounding noise of a positive semi-definite matrix. All
   * zeros when there is no positive variance.
   */
  public static double[] cumulativeFraction(double[] eigenvaluesDescending) {
    double total = positiveSum(eigenvaluesDescending, eigenvaluesDescending.length);
    double[] fraction = new double[eigenvaluesDescending.length];
    if (total == 0.0) {
      return fraction;
    }
    double running = 0.0;
    for (int i = 0; i < fraction.length; i++) {
      running += Math.max(eigenvaluesDescending[i], 0.0);
      fraction[i] = running / total;
    }
    return fraction;
  }

  static double positiveSum(double[] values, int count) {
    double sum = 0.0;
    for (int i = 0; i < count; i++) {
      sum += Math.max(values[i], 0.0);
    }
    return sum;
  }

  private static int componentsFor(double[] eigenvaluesDescending, double varianceFraction) {
    double[] fraction = cumulativeFraction(eigenvaluesDescending);
    for (int i = 0; i < fraction.length; i++) {
      if (fraction[i] >= varianceFraction - FRACTION_SLACK) {
        return i + 1;
      }
    }
    return fraction.length;
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
