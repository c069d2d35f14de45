package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void matchesTheGoldenCovarianceDecomposition() {
    // Reference: small.reference.json "pca", numpy.linalg.eigh(np.cov(X, rowvar=False)) on
    // small.csv x0..x5, sorted descending, largest-magnitude entry of each vector positive.
    // Tolerance 1e-12 on eigenvalues (up to 8.3) and 1e-10 on vector entries: the covariances
    // differ only by summation order, and the eigenvalue gaps are large.
    SymmetricEigen eigen = SymmetricEigen.decompose(GoldenData.smallCovariance());
    Approx.assertClose(eigen.values(), GoldenData.doubles("/pca/eigenvalues"), 1e-12);
    Approx.assertClose(eigen.vectors(), GoldenData.eigenvectorRows(), 1e-10);
  }

  @Test
  void diagonalMatrixHasItsDiagonalAsEigenvalues() {
    // Closed form: diag(3, 1, 2) has eigenpairs (3, e0), (2, e2), (1, e1).
    SymmetricEigen eigen =
        SymmetricEigen.decompose(new double[][] {{3, 0, 0}, {0, 1, 0}, {0, 0, 2}});
    Approx.assertClose(eigen.values(), new double[] {3, 2, 1}, 1e-15);
    Approx.assertClose(eigen.vectors(), new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}, 1e-15);
  }

  @Test
  void twoByTwoWithEqualDiagonalHasClosedFormEigenpairs() {
    // Closed form: [[a, b], [b, a]] with b > 0 has eigenvalues a + b and a - b, with vectors
    // (1, 1)/sqrt 2 and (1, -1)/sqrt 2 (first entry decides the sign when magnitudes tie).
    double a = 2.0;
    double b = 0.5;
    SymmetricEigen eigen = SymmetricEigen.decompose(new double[][] {{a, b}, {b, a}});
    double r = Math.sqrt(0.5);
    Approx.assertClose(eigen.values(), new double[] {a + b, a - b}, 1e-15);
    Approx.assertClose(eigen.vectors(), new double[][] {{r, r}, {r, -r}}, 1e-15);
  }

  @Test
  void reconstructsARandomSymmetricMatrix() {
    // V' diag(lambda) V = A and V V' = I, to 1e-12 relative to the entries' scale (about 1).
    int n = 12;
    SplittableRandom random = new SplittableRandom(7);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = random.nextDouble(-1, 1);
        a[j][i] = a[i][j];
      }
    }
    SymmetricEigen eigen = SymmetricEigen.decompose(a);
    double[][] v = eigen.vectors();
    double[] values = eigen.values();
    double[][] scaled = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i][j] = values[i] * v[i][j];
      }
    }
    Approx.assertClose(Approx.multiply(Approx.transpose(v), scaled), a, 1e-12);
    double[][] identity = new double[n][n];
    for (int i = 0; i < n; i++) {
      identity[i][i] = 1.0;
    }
    Approx.assertClose(Approx.multiply(v, Approx.transpose(v)), identity, 1e-12);
    for (int i = 1; i < n; i++) {
      assertThat(values[i]).isLessThanOrEqualTo(values[i - 1]);
    }
  }

  @Test
  void everyVectorHasItsLargestEntryPositive() {
    SymmetricEigen eigen = SymmetricEigen.decompose(GoldenData.smallCovariance());
    for (double[] vector : eigen.vectors()) {
      double largest = 0.0;
      for (double entry : vector) {
        largest = Math.abs(entry) > Math.abs(largest) ? entry : largest;
      }
      assertThat(largest).isPositive();
      assertThat(Vectors.norm(vector)).isCloseTo(1.0, within(1e-14));
    }
  }

  @Test
  void accessorsReturnCopies() {
    SymmetricEigen eigen = SymmetricEigen.decompose(new double[][] {{2, 0}, {0, 1}});
    eigen.values()[0] = 99;
    eigen.vectors()[0][0] = 99;
    assertThat(eigen.values()[0]).isEqualTo(2.0);
    assertThat(eigen.vectors()[0][0]).isEqualTo(1.0);
  }

  @Test
  void rejectsNonSquareAndNonFiniteInput() {
    assertThatThrownBy(() -> SymmetricEigen.decompose(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not square");
    assertThatThrownBy(
            () -> SymmetricEigen.decompose(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}
