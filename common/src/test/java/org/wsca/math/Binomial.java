package org.wsca.math;

/** Binomial tails for the error probabilities of simulation bounds, summed exactly in logs. */
final class Binomial {
  private Binomial() {}

  /** P(X >= c) for X ~ Binomial(n, p). */
  static double upperTail(int n, double p, int c) {
    double total = 0;
    for (int k = c; k <= n; k++) {
      total += pmf(n, p, k);
    }
    return total;
  }

  /** P(X <= c) for X ~ Binomial(n, p). */
  static double lowerTail(int n, double p, int c) {
    double total = 0;
    for (int k = 0; k <= c; k++) {
      total += pmf(n, p, k);
    }
    return total;
  }

  private static double pmf(int n, double p, int k) {
    double logChoose = 0;
    for (int i = 1; i <= k; i++) {
      logChoose += Math.log(n - k + i) - Math.log(i);
    }
    return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }
}
