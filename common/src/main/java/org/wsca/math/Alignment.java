package org.wsca.math;

import java.io.Serializable;
import java.util.Objects;

/**
 * The signed WSC matrix between a primary head and a metadata head (docs/method.md section
 * 5.4-5.6), with its summaries T = max |WSC| and RMS. Rows are primary classes, columns metadata
 * classes.
 */
public final class Alignment implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] matrix;
  private final double t;
  private final double rms;

  private Alignment(double[][] matrix) {
    this.matrix = matrix;
    double max = 0.0;
    double squares = 0.0;
    int cells = 0;
    for (double[] row : matrix) {
      for (double value : row) {
        max = Math.max(max, Math.abs(value));
        squares += value * value;
        cells++;
      }
    }
    this.t = cells == 0 ? Double.NaN : max;
    this.rms = cells == 0 ? Double.NaN : Math.sqrt(squares / cells);
  }

  public static Alignment of(
      double[][] primaryClassVectors,
      double[][] metadataClassVectors,
      Projection projection,
      Metric metric) {
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(metric, "metric");
    double[][] primary = projectAll(primaryClassVectors, projection);
    double[][] metadata = projectAll(metadataClassVectors, projection);
    double[][] matrix = new double[primary.length][metadata.length];
    for (int i = 0; i < primary.length; i++) {
      for (int j = 0; j < metadata.length; j++) {
        matrix[i][j] = compare(primary[i], metadata[j], projection, metric);
      }
    }
    return new Alignment(matrix);
  }

  /** Signed WSC values; a copy. */
  public double[][] matrix() {
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }
    return copy;
  }

  /** The test statistic T = max |WSC[i][j]|; NaN for an empty matrix. */
  public double t() {
    return t;
  }

  /** Root mean square of all entries; NaN for an empty matrix. */
  public double rms() {
    return rms;
  }

  private static double[][] projectAll(double[][] vectors, Projection projection) {
    double[][] projected = new double[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      projected[i] = projection.project(vectors[i]);
    }
    return projected;
  }

  private static double compare(double[] a, double[] b, Projection projection, Metric metric) {
    if (metric == Metric.COSINE) {
      return Vectors.cosine(a, b);
    }
    // Like the cosine, a head with zero logit variance has no direction: report 0.
    double denominator = Math.sqrt(projection.logitInner(a, a) * projection.logitInner(b, b));
    return denominator == 0.0 ? 0.0 : projection.logitInner(a, b) / denominator;
  }
}
