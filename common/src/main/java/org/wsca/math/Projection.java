package org.wsca.math;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The map w -> P w applied to every class vector before comparison (docs/method.md section 5.3):
 * either the top-k principal directions of the scope's covariance, or the identity ({@code
 * projection = none}). Immutable; shipped to executors, hence Serializable.
 */
public final class Projection implements Serializable {
  private static final long serialVersionUID = 1L;

  /** k x d rows of P; null for the identity. */
  private final double[][] basis;

  /** Top-k eigenvalues for PCA; empty for the identity. */
  private final double[] eigenvalues;

  /** Sigma, kept only for the identity, where the logit metric needs it in full. */
  private final double[][] covariance;

  private final int dimension;
  private final double explainedFraction;

  private Projection(
      double[][] basis,
      double[] eigenvalues,
      double[][] covariance,
      int dimension,
      double explainedFraction) {
    this.basis = basis;
    this.eigenvalues = eigenvalues;
    this.covariance = covariance;
    this.dimension = dimension;
    this.explainedFraction = explainedFraction;
  }

  /** P = the top-k eigenvectors of the covariance, as a k x d matrix. */
  public static Projection pca(SymmetricEigen eigen, int k) {
    int d = eigen.dimension();
    if (k < 1 || k > d) {
      throw new IllegalArgumentException(
          "PCA projection needs 1 <= k <= d, got k = "
              + k
              + " with d = "
              + d
              + "; a covariance of rank 0 (constant embeddings) cannot be projected");
    }
    double[][] basis = new double[k][];
    for (int i = 0; i < k; i++) {
      basis[i] = eigen.vectorView(i).clone();
    }
    double[] all = eigen.values();
    double[] top = Arrays.copyOf(all, k);
    double total = KRule.positiveSum(all, d);
    double explained = total == 0.0 ? 0.0 : KRule.positiveSum(all, k) / total;
    return new Projection(basis, top, null, d, explained);
  }

  /** The identity; keeps Sigma so that the logit metric can still be computed. */
  public static Projection none(double[][] covariance) {
    int d = covariance.length;
    double[][] copy = new double[d][];
    for (int i = 0; i < d; i++) {
      if (covariance[i].length != d) {
        throw new IllegalArgumentException(
            "Covariance is not square: row "
                + i
                + " has "
                + covariance[i].length
                + " entries, expected "
                + d);
      }
      copy[i] = covariance[i].clone();
    }
    return new Projection(null, new double[0], copy, d, 1.0);
  }

  /** P w (length k); for the identity a copy of w. */
  public double[] project(double[] w) {
    if (w.length != dimension) {
      throw new IllegalArgumentException(
          "Vector has length "
              + w.length
              + " but the projection expects the embedding dimension "
              + dimension);
    }
    if (basis == null) {
      return w.clone();
    }
    double[] projected = new double[basis.length];
    for (int i = 0; i < basis.length; i++) {
      projected[i] = Vectors.dot(basis[i], w);
    }
    return projected;
  }

  /** Output length: k for PCA, d for the identity. */
  public int k() {
    return basis == null ? dimension : basis.length;
  }

  /** Input length d, the embedding dimension. */
  public int dimension() {
    return dimension;
  }

  /** Share of the total (positive) variance kept; 1.0 for the identity. */
  public double explainedFraction() {
    return explainedFraction;
  }

  /** The top-k eigenvalues for PCA; empty for the identity, which has no decomposition. */
  public double[] eigenvalues() {
    return eigenvalues.clone();
  }

  /**
   * a' Sigma b for two projected vectors. For PCA, Sigma restricted to the kept subspace is
   * diagonal in the projected coordinates, so this is sum_i lambda_i a_i b_i exactly.
   */
  public double logitInner(double[] projectedA, double[] projectedB) {
    Vectors.requireSameLength(projectedA, projectedB);
    if (projectedA.length != k()) {
      throw new IllegalArgumentException(
          "Projected vectors have length "
              + projectedA.length
              + " but this projection produces length "
              + k());
    }
    double sum = 0.0;
    if (basis != null) {
      for (int i = 0; i < eigenvalues.length; i++) {
        sum += eigenvalues[i] * projectedA[i] * projectedB[i];
      }
      return sum;
    }
    for (int i = 0; i < dimension; i++) {
      sum += projectedA[i] * Vectors.dot(covariance[i], projectedB);
    }
    return sum;
  }
}
