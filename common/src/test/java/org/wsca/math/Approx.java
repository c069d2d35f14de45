package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Element-wise absolute-tolerance assertions for vectors and matrices. */
final class Approx {
  private Approx() {}

  /** NaN matches NaN only. */
  static void assertClose(double[] actual, double[] expected, double tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(actual[i]).as("entry %d", i).isNaN();
      } else {
        assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(tolerance));
      }
    }
  }

  static void assertClose(double[][] actual, double[][] expected, double tolerance) {
    assertThat(actual.length).as("rows").isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("row %d", i).hasSameSizeAs(expected[i]);
      for (int j = 0; j < expected[i].length; j++) {
        assertThat(actual[i][j])
            .as("entry (%d, %d)", i, j)
            .isCloseTo(expected[i][j], within(tolerance));
      }
    }
  }

  /**
   * Covariance entries compared relative to their scale sqrt(C_ii C_jj), so that near-zero
   * off-diagonal entries are not held to an impossible relative standard.
   */
  static void assertCovarianceClose(double[][] actual, double[][] expected, double relative) {
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected.length; j++) {
        double scale = Math.sqrt(expected[i][i] * expected[j][j]);
        assertThat(actual[i][j])
            .as("entry (%d, %d)", i, j)
            .isCloseTo(expected[i][j], within(relative * scale));
      }
    }
  }

  static double[][] multiply(double[][] a, double[][] b) {
    double[][] product = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < b[0].length; j++) {
          product[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return product;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
