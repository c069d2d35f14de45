package org.wsca.math;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Mean, standard deviation (n - 1) and 95th percentile of the permutation null statistics, reported
 * next to T so that a reader sees what chance alignment looks like.
 */
public record NullSummary(double mean, double sd, double p95) implements Serializable {

  public static NullSummary of(double[] nulls) {
    if (nulls.length == 0) {
      throw new IllegalArgumentException("No null statistics to summarise; B must be at least 1");
    }
    int n = nulls.length;
    double mean = 0.0;
    for (double value : nulls) {
      mean += value;
    }
    mean /= n;
    double squares = 0.0;
    for (double value : nulls) {
      squares += (value - mean) * (value - mean);
    }
    double sd = n == 1 ? 0.0 : Math.sqrt(squares / (n - 1));
    return new NullSummary(mean, sd, quantile(nulls, 0.95));
  }

  /** numpy's default "linear" quantile: interpolate at h = (n - 1) q in the sorted values. */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * q;
    int lower = (int) Math.floor(h);
    int upper = (int) Math.ceil(h);
    return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
  }
}
