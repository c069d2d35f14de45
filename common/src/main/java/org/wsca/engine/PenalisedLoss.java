package org.wsca.engine;

import java.io.Serializable;

/**
 * The pure final step of a pass: MLlib's objective f = (1/n) sum_i loss_i + (lambda/2) ||w||^2 from
 * the summed losses and gradients, in the scaled coordinates of a {@link Standardizer} (the penalty
 * weights are lambda / sd_j^2, so the penalty is on the raw coefficients). Intercepts are not
 * penalised.
 */
public final class PenalisedLoss implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HeadShape shape;
  private final double[] weights;
  private final long rows;

  public PenalisedLoss(HeadShape shape, double[] penaltyWeights, long rows) {
    if (penaltyWeights.length != shape.dimension()) {
      throw new IllegalArgumentException(
          penaltyWeights.length + " penalty weights for " + shape.dimension() + " features");
    }
    if (rows < 1) {
      throw new IllegalArgumentException("No training rows: a head needs at least one row");
    }
    this.shape = shape;
    this.weights = penaltyWeights.clone();
    this.rows = rows;
  }

  public HeadShape shape() {
    return shape;
  }

  public Evaluations finish(double[][] points, GradientState sums) {
    if (sums.rows() != rows) {
      throw new IllegalStateException(
          "A pass saw "
              + sums.rows()
              + " rows but the task has "
              + rows
              + " training rows; the cached rows were lost or changed");
    }
    double[] values = new double[points.length];
    double[][] gradients = new double[points.length][];
    for (int a = 0; a < points.length; a++) {
      gradients[a] = new double[shape.size()];
      values[a] = head(a, points[a], sums, gradients[a]);
    }
    return new Evaluations(values, gradients);
  }

  private double head(int a, double[] point, GradientState sums, double[] gradient) {
    int d = shape.dimension();
    int k = shape.columns();
    double value = sums.loss(a) / rows;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        double w = point[c * d + j];
        gradient[c * d + j] = sums.coefficient(a * k + c, j) / rows + weights[j] * w;
        value += 0.5 * weights[j] * w * w;
      }
      gradient[shape.interceptOffset() + c] = sums.intercept(a * k + c) / rows;
    }
    return value;
  }
}
