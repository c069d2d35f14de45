package org.wsca.engine;

import java.io.Serializable;

/**
 * The optimiser's coordinates, as MLlib's: every feature centred on its mean and divided by its
 * standard deviation. Only the conditioning changes, not the head: a scaled coefficient w'_j = w_j
 * sd_j carries the penalty (lambda / 2) (w'_j / sd_j)^2, so the L2 penalty is still on the raw
 * coefficients (standardization = false), and the intercept absorbs the centring. A feature with sd
 * = 0 gets coefficient 0, as in MLlib (with an unpenalised intercept that is also the exact
 * optimum).
 */
public final class Standardizer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] mean;
  private final double[] sd;

  private Standardizer(double[] mean, double[] sd) {
    this.mean = mean;
    this.sd = sd;
  }

  public static Standardizer of(double[] mean, double[] sd) {
    if (mean.length != sd.length) {
      throw new IllegalArgumentException(
          "Means have length " + mean.length + " but standard deviations " + sd.length);
    }
    return new Standardizer(mean.clone(), sd.clone());
  }

  /** Mean 0 and sd 1 everywhere: the optimiser works on the raw coordinates. */
  public static Standardizer identity(int dimension) {
    double[] ones = new double[dimension];
    java.util.Arrays.fill(ones, 1.0);
    return new Standardizer(new double[dimension], ones);
  }

  public int dimension() {
    return mean.length;
  }

  /** Writes the standardised row into {@code out} from {@code offset}. */
  public void scale(double[] raw, double[] out, int offset) {
    if (raw.length != mean.length) {
      throw new IllegalArgumentException(
          "Row has "
              + raw.length
              + " features but the training"
              + " rows have "
              + mean.length
              + "; every embedding of a task must have the same length");
    }
    for (int j = 0; j < raw.length; j++) {
      out[offset + j] = sd[j] == 0.0 ? 0.0 : (raw[j] - mean[j]) / sd[j];
    }
  }

  /** Per-feature weights of the penalty on scaled coefficients: lambda / sd_j^2, 0 if sd_j = 0. */
  public double[] penaltyWeights(double lambda) {
    double[] weights = new double[sd.length];
    for (int j = 0; j < sd.length; j++) {
      weights[j] = sd[j] == 0.0 ? 0.0 : lambda / (sd[j] * sd[j]);
    }
    return weights;
  }

  /** The head in raw coordinates: w_j = w'_j / sd_j, b = b' - sum_j w_j mean_j. */
  public LinearHead toRaw(HeadShape shape, double[] point) {
    int d = shape.dimension();
    int columns = shape.columns();
    double[][] coefficients = new double[columns][d];
    double[] intercepts = new double[columns];
    for (int k = 0; k < columns; k++) {
      double shift = 0.0;
      for (int j = 0; j < d; j++) {
        double w = sd[j] == 0.0 ? 0.0 : point[k * d + j] / sd[j];
        coefficients[k][j] = w;
        shift += w * mean[j];
      }
      intercepts[k] = point[shape.interceptOffset() + k] - shift;
    }
    return LinearHead.of(shape, coefficients, intercepts);
  }
}
