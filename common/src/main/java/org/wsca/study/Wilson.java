package org.wsca.study;

/**
 * The Wilson score interval of a binomial proportion: for x successes in n trials and the normal
 * quantile z, centre (p + z^2/2n) / (1 + z^2/n) and half-width z / (1 + z^2/n) * sqrt(p(1-p)/n +
 * z^2/4n^2), with p = x/n. Unlike the Wald interval it stays inside [0, 1] and is not degenerate at
 * x = 0 or x = n, which matters for rates near 0.05.
 */
public record Wilson(double low, double high) {
  /** The two-sided 95 % normal quantile. */
  public static final double Z95 = 1.959963984540054;

  public static Wilson of95(long successes, long trials) {
    return of(successes, trials, Z95);
  }

  public static Wilson of(long successes, long trials, double z) {
    if (trials <= 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "Wilson interval needs 0 <= successes <= trials and"
              + " trials > 0; got "
              + successes
              + " of "
              + trials);
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
