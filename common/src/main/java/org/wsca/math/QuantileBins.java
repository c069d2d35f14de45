package org.wsca.math;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Bins of a continuous metadata value (docs/method.md section 3), given by sorted inner edges e_0 <
 * ... < e_{m-1}: bin 0 is (-inf, e_0], bin i is (e_{i-1}, e_i], bin m is (e_{m-1}, +inf). Bins are
 * right-closed, so a value equal to an edge goes to the lower bin.
 */
public final class QuantileBins implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] edges;

  private QuantileBins(double[] edges) {
    this.edges = edges;
  }

  /**
   * Sorts the edges and drops duplicates: quantiles of heavily tied data coincide, and such data
   * get fewer bins instead of empty ones.
   */
  public static QuantileBins fromInnerEdges(double[] innerEdges) {
    double[] sorted = innerEdges.clone();
    for (int i = 0; i < sorted.length; i++) {
      if (!Double.isFinite(sorted[i])) {
        throw new IllegalArgumentException(
            "Bin edge "
                + sorted[i]
                + " at index "
                + i
                + " is not finite; edges must be finite numbers");
      }
    }
    Arrays.sort(sorted);
    int unique = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (unique == 0 || sorted[i] != sorted[unique - 1]) {
        sorted[unique++] = sorted[i];
      }
    }
    return new QuantileBins(Arrays.copyOf(sorted, unique));
  }

  /** The number of edges strictly below v. */
  public int bin(double v) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("Cannot bin NaN; drop or impute missing values first");
    }
    int low = 0;
    int high = edges.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (edges[middle] < v) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  public int count() {
    return edges.length + 1;
  }

  /** A readable interval such as "(3.5, 7]". */
  public String label(int bin) {
    if (bin < 0 || bin >= count()) {
      throw new IllegalArgumentException("Bin " + bin + " is outside 0.." + (count() - 1));
    }
    String lower = bin == 0 ? "(-inf" : "(" + format(edges[bin - 1]);
    String upper = bin == edges.length ? "+inf)" : format(edges[bin]) + "]";
    return lower + ", " + upper;
  }

  public double[] innerEdges() {
    return edges.clone();
  }

  /** Double.toString without a trailing ".0" on whole numbers: 7 rather than 7.0. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
