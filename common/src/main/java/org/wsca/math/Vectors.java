package org.wsca.math;

/** Dense vector helpers on plain {@code double[]}: the class vectors of linear heads. */
public final class Vectors {
  private Vectors() {}

  public static double dot(double[] a, double[] b) {
    requireSameLength(a, b);
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /**
   * Cosine of the angle between a and b. Returns 0.0 when either vector is zero: a zero head has no
   * direction, so it shares none with anything, and 0 keeps T = max|WSC| well defined.
   */
  public static double cosine(double[] a, double[] b) {
    requireSameLength(a, b);
    double normA = norm(a);
    double normB = norm(b);
    if (normA == 0.0 || normB == 0.0) {
      return 0.0;
    }
    return dot(a, b) / (normA * normB);
  }

  /**
   * Subtracts the mean class vector from every class vector (docs/method.md section 3): softmax
   * heads are defined only up to a common shift, so an uncentred cosine would be arbitrary.
   */
  public static double[][] centreRows(double[][] classVectors) {
    if (classVectors.length == 0) {
      return new double[0][];
    }
    int d = classVectors[0].length;
    double[] mean = new double[d];
    for (double[] row : classVectors) {
      requireSameLength(classVectors[0], row);
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= classVectors.length;
    }
    double[][] centred = new double[classVectors.length][d];
    for (int i = 0; i < classVectors.length; i++) {
      for (int j = 0; j < d; j++) {
        centred[i][j] = classVectors[i][j] - mean[j];
      }
    }
    return centred;
  }

  static void requireSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "Vector lengths differ: "
              + a.length
              + " and "
              + b.length
              + "; both vectors must live in the same embedding space");
    }
  }
}
