package org.wsca.engine;

import org.wsca.blas.Blas;

/**
 * Loss and gradient of many logistic heads on one block of rows with two level-3 BLAS calls: scores
 * Z = W' X (all heads at once), the per-row residuals R = p - onehot(y) in place, and gradient += X
 * R'. The losses are MLlib's, in stable form: binary log(1 + e^z) - y z written as max(z, 0) +
 * log1p(e^-|z|) - y z; multinomial logsumexp_c(z_c) - z_y with a max shift.
 */
public final class LogisticBatch {
  private final BatchPoint point;
  private final HeadShape shape;
  private final Blas blas;
  private double[] scores = new double[0];

  public LogisticBatch(BatchPoint point, Blas blas) {
    this.point = point;
    this.shape = point.shape();
    this.blas = blas;
  }

  public void accumulate(RowBlock block, GradientState into) {
    int rows = block.rows();
    if (rows == 0) {
      return;
    }
    int d = shape.dimension();
    int m = point.size() * shape.columns();
    if (block.dimension() != d) {
      throw new IllegalArgumentException(
          "Block has " + block.dimension() + " features but the heads have " + d);
    }
    if (scores.length < rows * m) {
      scores = new double[rows * m];
    }
    // scores (m x rows, column-major: one row's m scores contiguous) = W' X
    blas.dgemm(
        "T", "N", m, rows, d, 1.0, point.coefficients(), d, block.features(), d, 0.0, scores, m);
    if (shape.binary()) {
      binaryResiduals(block, into.lossSums(), m);
    } else {
      multinomialResiduals(block, into.lossSums(), m);
    }
    // gradient (d x m) += X R'
    blas.dgemm(
        "N", "T", d, m, rows, 1.0, block.features(), d, scores, m, 1.0, into.coefficientSums(), d);
    addColumnSums(rows, m, into.interceptSums());
    into.addRows(rows);
  }

  private void binaryResiduals(RowBlock block, double[] loss, int m) {
    double[] b = point.intercepts();
    for (int i = 0; i < block.rows(); i++) {
      int base = i * m;
      for (int a = 0; a < m; a++) {
        int y = block.label(i, point.head(a));
        double z = scores[base + a] + b[a];
        loss[a] += softplus(z) - y * z;
        scores[base + a] = sigmoid(z) - y;
      }
    }
  }

  private void multinomialResiduals(RowBlock block, double[] loss, int m) {
    double[] b = point.intercepts();
    int k = shape.columns();
    for (int i = 0; i < block.rows(); i++) {
      for (int a = 0; a < point.size(); a++) {
        int base = i * m + a * k;
        int y = block.label(i, point.head(a));
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          scores[base + c] += b[a * k + c];
          max = Math.max(max, scores[base + c]);
        }
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
          sum += Math.exp(scores[base + c] - max);
        }
        double logSum = max + Math.log(sum);
        loss[a] += logSum - scores[base + y];
        for (int c = 0; c < k; c++) {
          scores[base + c] = Math.exp(scores[base + c] - logSum) - (c == y ? 1.0 : 0.0);
        }
      }
    }
  }

  private void addColumnSums(int rows, int m, double[] into) {
    for (int i = 0; i < rows; i++) {
      int base = i * m;
      for (int c = 0; c < m; c++) {
        into[c] += scores[base + c];
      }
    }
  }

  /** log(1 + e^z) without overflow. */
  static double softplus(double z) {
    return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }
}
