package org.wsca.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Adjustments across the (metadata task x scope) tests of a run, or of each family of them
 * (docs/method.md section 6). NaN marks a test that was not run: it stays NaN and does not count
 * towards m.
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

  /**
   * Benjamini-Hochberg within each family: tests with equal {@code family} are adjusted together
   * and m counts only their family's tested p-values, so one family's strong results do not loosen
   * another's threshold (docs/method.md section 6).
   */
  public static double[] benjaminiHochberg(double[] p, String[] family) {
    return perFamily(p, family, MultipleTesting::benjaminiHochberg);
  }

  /** Holm within each family, as {@link #benjaminiHochberg(double[], String[])}. */
  public static double[] holm(double[] p, String[] family) {
    return perFamily(p, family, MultipleTesting::holm);
  }

  private static double[] perFamily(double[] p, String[] family, UnaryOperator<double[]> adjust) {
    if (family.length != p.length) {
      throw new IllegalArgumentException(
          p.length + " p-values but " + family.length + " family names");
    }
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < p.length; i++) {
      members.computeIfAbsent(family[i], k -> new ArrayList<>()).add(i);
    }
    double[] adjusted = nanCopy(p.length);
    for (List<Integer> indices : members.values()) {
      double[] adjustedHere = adjust.apply(indices.stream().mapToDouble(i -> p[i]).toArray());
      for (int k = 0; k < indices.size(); k++) {
        adjusted[indices.get(k)] = adjustedHere[k];
      }
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
