package org.wsca.engine;

import java.io.Serializable;

/**
 * The trial points of the heads evaluated in one pass, packed for BLAS: the coefficient vectors of
 * all heads as one d x (A columns) column-major matrix, and their intercepts. This is what a pass
 * broadcasts. {@code heads[a]} is the label column of the a-th evaluated head.
 */
public final class BatchPoint implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HeadShape shape;
  private final int[] heads;
  private final double[] coefficients;
  private final double[] intercepts;

  private BatchPoint(HeadShape shape, int[] heads, double[] coefficients, double[] intercepts) {
    this.shape = shape;
    this.heads = heads;
    this.coefficients = coefficients;
    this.intercepts = intercepts;
  }

  public static BatchPoint pack(HeadShape shape, int[] heads, double[][] points) {
    if (heads.length != points.length) {
      throw new IllegalArgumentException(heads.length + " heads but " + points.length + " points");
    }
    int block = shape.interceptOffset();
    int k = shape.columns();
    double[] coefficients = new double[heads.length * block];
    double[] intercepts = new double[heads.length * k];
    for (int a = 0; a < heads.length; a++) {
      if (points[a].length != shape.size()) {
        throw new IllegalArgumentException(
            "Point " + a + " has " + points[a].length + " parameters, expected " + shape.size());
      }
      System.arraycopy(points[a], 0, coefficients, a * block, block);
      System.arraycopy(points[a], block, intercepts, a * k, k);
    }
    return new BatchPoint(shape, heads.clone(), coefficients, intercepts);
  }

  public HeadShape shape() {
    return shape;
  }

  /** Number of heads evaluated. */
  public int size() {
    return heads.length;
  }

  int head(int a) {
    return heads[a];
  }

  /** d x (size * columns) column-major; not copied. */
  double[] coefficients() {
    return coefficients;
  }

  double[] intercepts() {
    return intercepts;
  }
}
