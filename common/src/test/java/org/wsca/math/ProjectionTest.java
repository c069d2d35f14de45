package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static final double[][] COVARIANCE = GoldenData.smallCovariance();
  private static final SymmetricEigen EIGEN = SymmetricEigen.decompose(COVARIANCE);
  private static final double[] A = {1.0, -2.0, 0.5, 3.0, 0.0, -1.0};
  private static final double[] B = {0.2, 0.4, -1.0, 1.5, 2.0, 0.3};

  @Test
  void pcaProjectsOntoTheTopEigenvectors() {
    Projection projection = Projection.pca(EIGEN, 3);
    double[][] vectors = GoldenData.eigenvectorRows();
    double[] projected = projection.project(A);
    assertThat(projected).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(projected[i]).isCloseTo(Vectors.dot(vectors[i], A), within(1e-10));
    }
    assertThat(projection.k()).isEqualTo(3);
    assertThat(projection.dimension()).isEqualTo(6);
  }

  @Test
  void pcaReportsTheGoldenExplainedFractionAndEigenvalues() {
    // Reference: small.reference.json pca.cumulative_fraction[2] and eigenvalues[0..2]; 1e-12.
    Projection projection = Projection.pca(EIGEN, 3);
    assertThat(projection.explainedFraction())
        .isCloseTo(GoldenData.doubles("/pca/cumulative_fraction")[2], within(1e-12));
    double[] golden = GoldenData.doubles("/pca/eigenvalues");
    Approx.assertClose(
        projection.eigenvalues(), new double[] {golden[0], golden[1], golden[2]}, 1e-12);
  }

  @Test
  void fullRankPcaLogitInnerEqualsTheFullQuadraticForm() {
    // With k = d, sum_i lambda_i (v_i.a)(v_i.b) = a' Sigma b exactly (spectral theorem).
    Projection full = Projection.pca(EIGEN, 6);
    assertThat(full.logitInner(full.project(A), full.project(B)))
        .isCloseTo(quadraticForm(A, B), within(1e-12));
  }

  @Test
  void truncatedPcaLogitInnerIsTheQuadraticFormOfTheKeptSubspace() {
    // a' (V_k' Lambda_k V_k) b, built explicitly from the eigenpairs.
    Projection projection = Projection.pca(EIGEN, 2);
    double[][] v = EIGEN.vectors();
    double[] lambda = EIGEN.values();
    double expected = 0.0;
    for (int i = 0; i < 2; i++) {
      expected += lambda[i] * Vectors.dot(v[i], A) * Vectors.dot(v[i], B);
    }
    assertThat(projection.logitInner(projection.project(A), projection.project(B)))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void noneIsTheIdentityAndKeepsSigma() {
    Projection none = Projection.none(COVARIANCE);
    double[] projected = none.project(A);
    assertThat(projected).containsExactly(A).isNotSameAs(A);
    assertThat(none.k()).isEqualTo(6);
    assertThat(none.dimension()).isEqualTo(6);
    assertThat(none.explainedFraction()).isEqualTo(1.0);
    assertThat(none.eigenvalues()).isEmpty();
    assertThat(none.logitInner(A, B)).isCloseTo(quadraticForm(A, B), within(1e-12));
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    Projection projection = Projection.pca(EIGEN, 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(projection);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Projection copy = (Projection) in.readObject();
      assertThat(copy.project(A)).containsExactly(projection.project(A));
      assertThat(copy.explainedFraction()).isEqualTo(projection.explainedFraction());
    }
  }

  @Test
  void rejectsInvalidKAndLengths() {
    assertThatThrownBy(() -> Projection.pca(EIGEN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k = 0");
    assertThatThrownBy(() -> Projection.pca(EIGEN, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d = 6");
    assertThatThrownBy(() -> Projection.pca(EIGEN, 3).project(new double[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5");
    assertThatThrownBy(() -> Projection.none(new double[][] {{1, 0}, {0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not square");
  }

  private static double quadraticForm(double[] a, double[] b) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        sum += a[i] * COVARIANCE[i][j] * b[j];
      }
    }
    return sum;
  }
}
