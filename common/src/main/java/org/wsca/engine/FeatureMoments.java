package org.wsca.engine;

import java.io.Serializable;

/**
 * Mergeable per-feature count, mean and sum of squared deviations (Welford within a partition, Chan
 * et al. across partitions): the summary pass that gives the {@link Standardizer}. The dimension is
 * taken from the first row, so an empty state can be the zero of an aggregation.
 */
public final class FeatureMoments implements Serializable {
  private static final long serialVersionUID = 1L;

  private long count;
  private double[] mean;
  private double[] m2;

  public FeatureMoments add(double[] row) {
    if (mean == null) {
      mean = new double[row.length];
      m2 = new double[row.length];
    }
    requireDimension(row.length);
    count++;
    for (int j = 0; j < row.length; j++) {
      double delta = row[j] - mean[j];
      mean[j] += delta / count;
      m2[j] += delta * (row[j] - mean[j]);
    }
    return this;
  }

  public FeatureMoments merge(FeatureMoments other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      count = other.count;
      mean = other.mean.clone();
      m2 = other.m2.clone();
      return this;
    }
    requireDimension(other.mean.length);
    long total = count + other.count;
    for (int j = 0; j < mean.length; j++) {
      double delta = other.mean[j] - mean[j];
      mean[j] += delta * other.count / total;
      m2[j] += other.m2[j] + delta * delta * ((double) count * other.count / total);
    }
    count = total;
    return this;
  }

  public long count() {
    return count;
  }

  /** Means and sample standard deviations (n - 1, as MLlib's summariser). */
  public Standardizer standardizer() {
    if (count == 0) {
      throw new IllegalStateException("No rows: cannot standardise an empty training set");
    }
    double[] sd = new double[mean.length];
    for (int j = 0; j < sd.length; j++) {
      sd[j] = count > 1 ? Math.sqrt(Math.max(0.0, m2[j] / (count - 1))) : 0.0;
    }
    return Standardizer.of(mean.clone(), sd);
  }

  /**
   * The coordinates the batched engine optimises in for a raw-space L2 penalty {@code lambda}:
   * centred, each feature divided by sqrt(sd_j^2 + 4 lambda) ({@link Standardizer#regularised}).
   * With c = 4 the Hessian's diagonal at the start (p = 1/2, curvature sd_j^2 / 4 + lambda) is 1/4
   * for every feature, whatever its scale: on ReLU-like embeddings with near-dead units this took
   * 30-43 L-BFGS steps where MLlib's coordinates (c = 0) needed 140-700 (docs/method.md section 3).
   */
  public Standardizer conditioned(double lambda) {
    return standardizer().regularised(lambda, Standardizer.CONDITIONING);
  }

  private void requireDimension(int d) {
    if (d != mean.length) {
      throw new IllegalArgumentException(
          "Row has "
              + d
              + " features but earlier rows had "
              + mean.length
              + "; every embedding of a task must have the same length");
    }
  }
}
