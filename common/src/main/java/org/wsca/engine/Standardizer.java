package org.wsca.engine;

import java.io.Serializable;

/**
 * The optimiser's coordinates: every feature centred on its mean and divided by a scale s_j,
 * MLlib's standard deviation sd_j ({@link FeatureMoments#standardizer}) or the better-conditioned
 * sqrt(sd_j^2 + c lambda) ({@link #regularised}). Only the conditioning changes, not the head: a
 * scaled coefficient w'_j = w_j s_j carries the penalty (lambda / 2) (w'_j / s_j)^2, so the L2
 * penalty is still on the raw coefficients (standardization = false), and the intercept absorbs the
 * centring. A feature with sd = 0 gets coefficient 0, as in MLlib (with an unpenalised intercept
 * that is also the exact optimum).
 */
public final class Standardizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** c of {@link #regularised}: see {@link FeatureMoments#conditioned}. */
  public static final double CONDITIONING = 4.0;

  private final double[] mean;
  private final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Divides by {@code scale} (MLlib: the standard deviations); 0 marks a constant feature. */
  public static Standardizer of(double[] mean, double[] scale) {
    if (mean.length != scale.length) {
      throw new IllegalArgumentException(
          "Means have length " + mean.length + " but scales " + scale.length);
    }
    return new Standardizer(mean.clone(), scale.clone());
  }

  /** Mean 0 and scale 1 everywhere: the optimiser works on the raw coordinates. */
  public static Standardizer identity(int dimension) {
    double[] ones = new double[dimension];
    java.util.Arrays.fill(ones, 1.0);
    return new Standardizer(new double[dimension], ones);
  }

  /**
   * The same centring with each non-constant feature divided by sqrt(sd_j^2 + c lambda) instead of
   * sd_j, for a raw-space L2 penalty lambda. In these coordinates the penalty weight lambda /
   * (sd_j^2 + c lambda) is at most 1 / c and the data's curvature per coordinate at most 1, so a
   * near-constant feature (a near-dead ReLU unit) no longer gets the weight lambda / sd_j^2, which
   * made MLlib's coordinates ill-conditioned. The optimum in raw coordinates is unchanged.
   */
  public Standardizer regularised(double lambda, double c) {
    if (!(lambda >= 0.0) || !(c >= 0.0)) {
      throw new IllegalArgumentException(
          "Conditioning needs lambda >= 0 and c >= 0; got " + lambda + " and " + c);
    }
    double[] wider = new double[scale.length];
    for (int j = 0; j < scale.length; j++) {
      wider[j] = scale[j] == 0.0 ? 0.0 : Math.sqrt(scale[j] * scale[j] + c * lambda);
    }
    return new Standardizer(mean, wider);
  }

  /** The divisor of each feature (0: a constant feature, left out). */
  public double[] scales() {
    return scale.clone();
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
      out[offset + j] = scale[j] == 0.0 ? 0.0 : (raw[j] - mean[j]) / scale[j];
    }
  }

  /** Per-feature weights of the penalty on scaled coefficients: lambda / s_j^2, 0 if s_j = 0. */
  public double[] penaltyWeights(double lambda) {
    double[] weights = new double[scale.length];
    for (int j = 0; j < scale.length; j++) {
      weights[j] = scale[j] == 0.0 ? 0.0 : lambda / (scale[j] * scale[j]);
    }
    return weights;
  }

  /** The head in raw coordinates: w_j = w'_j / s_j, b = b' - sum_j w_j mean_j. */
  public LinearHead toRaw(HeadShape shape, double[] point) {
    int d = shape.dimension();
    int columns = shape.columns();
    double[][] coefficients = new double[columns][d];
    double[] intercepts = new double[columns];
    for (int k = 0; k < columns; k++) {
      double shift = 0.0;
      for (int j = 0; j < d; j++) {
        double w = scale[j] == 0.0 ? 0.0 : point[k * d + j] / scale[j];
        coefficients[k][j] = w;
        shift += w * mean[j];
      }
      intercepts[k] = point[shape.interceptOffset() + k] - shift;
    }
    return LinearHead.of(shape, coefficients, intercepts);
  }
}
