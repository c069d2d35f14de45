package org.wsca.math;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Adjustments across all (metadata task x scope) tests of a run (docs/method.md section 6). NaN
 * marks a test that was not run: it stays NaN and does not count towards m.
 */
public final class MultipleTesting {
  private MultipleTesting() {}

  /**
   * Benjamini-Hochberg q-values: q_(i) = min over j >= i of m p_(j) / j, capped at 1. The running
   * minimum from the largest rank makes the step-up q-values monotone in p.
   */
  public static double[] benjaminiHochberg(double[] p) {
    int[] order = testedInAscendingOrder(p);
    int m = order.length;
    double[] adjusted = nanCopy(p.length);
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int index = order[rank - 1];
      running = Math.min(running, p[index] * m / rank);
      adjusted[index] = running;
    }
    return adjusted;
  }

  /**
   * Holm step-down adjusted p-values: p~_(i) = max over j <= i of (m - j + 1) p_(j), capped at 1.
   * The running maximum keeps them monotone in p.
   */
  public static double[] holm(double[] p) {
    int[] order = testedInAscendingOrder(p);
    int m = order.length;
    double[] adjusted = nanCopy(p.length);
    double running = 0.0;
    for (int rank = 1; rank <= m; rank++) {
      int index = order[rank - 1];
      running = Math.max(running, Math.min(1.0, (m - rank + 1) * p[index]));
      adjusted[index] = running;
    }
    return adjusted;
  }

  /** Indices of the non-NaN p-values, sorted by p (stable, so ties keep input order). */
  private static int[] testedInAscendingOrder(double[] p) {
    return IntStream.range(0, p.length)
        .filter(i -> !Double.isNaN(requireProbability(p[i], i)))
        .boxed()
        .sorted((a, b) -> Double.compare(p[a], p[b]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double requireProbability(double value, int index) {
    if (value < 0.0 || value > 1.0) {
      throw new IllegalArgumentException(
          "p-value " + value + " at index " + index + " is outside [0, 1]");
    }
    return value;
  }

  private static double[] nanCopy(int length) {
    double[] values = new double[length];
    Arrays.fill(values, Double.NaN);
    return values;
  }
}
