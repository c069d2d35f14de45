package org.wsca.engine;

import org.wsca.blas.Blas;

/**
 * Loss and gradient of many logistic heads on one block of rows with two level-3 BLAS calls: scores
 * Z = W' X (all heads at once), the per-row residuals R = p - onehot(y) in place, and gradient += X
 * R'. The losses are MLlib's, in stable form: binary log(1 + e^z) - y z written as max(z, 0) +
 * log(1 + e^-|z|) - y z; multinomial logsumexp_c(z_c) - z_y with a max shift.
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
      binaryResiduals(block, into.lossSums(), into.interceptSums(), m);
    } else {
      multinomialResiduals(block, into.lossSums(), into.interceptSums(), m);
    }
    // gradient (d x m) += X R'
    blas.dgemm(
        "N", "T", d, m, rows, 1.0, block.features(), d, scores, m, 1.0, into.coefficientSums(), d);
    into.addRows(rows);
  }

  /**
   * One exponential per score: e = e^-|z| gives both log(1 + e^z) = max(z, 0) + log(1 + e) and the
   * sigmoid. log(1 + e) stands for log1p(e) (not an intrinsic, several times slower): for e below
   * machine epsilon it drops at most e &lt; 2.3e-16 of one row's loss.
   */
  private void binaryResiduals(RowBlock block, double[] loss, double[] interceptSums, int m) {
    double[] b = point.intercepts();
    for (int i = 0; i < block.rows(); i++) {
      int base = i * m;
      for (int a = 0; a < m; a++) {
        int y = block.label(i, point.head(a));
        double z = scores[base + a] + b[a];
        double e = Math.exp(-Math.abs(z));
        loss[a] += Math.max(z, 0.0) + Math.log(1.0 + e) - y * z;
        double p = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
        double residual = p - y;
        scores[base + a] = residual;
        interceptSums[a] += residual;
      }
    }
  }

  /**
   * K exponentials and one logarithm per head and row: the shifted exponentials give both the
   * log-partition and, divided by their sum, the probabilities.
   */
  private void multinomialResiduals(RowBlock block, double[] loss, double[] interceptSums, int m) {
    double[] b = point.intercepts();
    int k = shape.columns();
    for (int i = 0; i < block.rows(); i++) {
      for (int a = 0; a < point.size(); a++) {
        int base = i * m + a * k;
        int column = a * k;
        int y = block.label(i, point.head(a));
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double z = scores[base + c] + b[column + c];
          scores[base + c] = z;
          max = Math.max(max, z);
        }
        double labelScore = scores[base + y];
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
          double e = Math.exp(scores[base + c] - max);
          scores[base + c] = e;
          sum += e;
        }
        loss[a] += max + Math.log(sum) - labelScore;
        double inverse = 1.0 / sum;
        for (int c = 0; c < k; c++) {
          double residual = scores[base + c] * inverse - (c == y ? 1.0 : 0.0);
          scores[base + c] = residual;
          interceptSums[column + c] += residual;
        }
      }
    }
  }
}
