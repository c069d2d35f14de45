package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void dotAndNormOfSmallVectors() {
    assertThat(Vectors.dot(new double[] {1, 2, 3}, new double[] {4, -5, 6})).isEqualTo(12.0);
    assertThat(Vectors.norm(new double[] {3, 4})).isEqualTo(5.0);
  }

  @Test
  void cosineOfParallelOrthogonalAndOppositeVectors() {
    assertThat(Vectors.cosine(new double[] {1, 1}, new double[] {2, 2}))
        .isCloseTo(1.0, within(1e-15));
    assertThat(Vectors.cosine(new double[] {1, 0}, new double[] {0, 3})).isEqualTo(0.0);
    assertThat(Vectors.cosine(new double[] {1, 2}, new double[] {-1, -2}))
        .isCloseTo(-1.0, within(1e-15));
    // cos 60 degrees
    assertThat(Vectors.cosine(new double[] {1, 0}, new double[] {0.5, Math.sqrt(3) / 2}))
        .isCloseTo(0.5, within(1e-15));
  }

  @Test
  void cosineWithAZeroVectorIsZero() {
    assertThat(Vectors.cosine(new double[] {0, 0}, new double[] {1, 2})).isEqualTo(0.0);
    assertThat(Vectors.cosine(new double[] {1, 2}, new double[] {0, 0})).isEqualTo(0.0);
  }

  @Test
  void lengthMismatchNamesBothLengths() {
    assertThatThrownBy(() -> Vectors.dot(new double[3], new double[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3")
        .hasMessageContaining("4");
    assertThatThrownBy(() -> Vectors.cosine(new double[2], new double[5]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Vectors.centreRows(new double[][] {{1, 2}, {1, 2, 3}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void centreRowsSubtractsTheMeanRow() {
    double[][] centred = Vectors.centreRows(new double[][] {{1, 2}, {3, 6}, {5, 10}});
    Approx.assertClose(centred, new double[][] {{-2, -4}, {0, 0}, {2, 4}}, 0.0);
  }

  @Test
  void centreRowsReproducesTheGoldenCentredMultinomialHead() {
    // Reference: small.reference.json categorical_head, numpy coef - coef.mean(axis=0).
    // Tolerance 1e-15: the same subtraction, rounding differences only.
    double[][] centred = Vectors.centreRows(GoldenData.matrix("/categorical_head/coefficients"));
    Approx.assertClose(centred, GoldenData.matrix("/categorical_head/centred_coefficients"), 1e-15);
  }

  @Test
  void centreRowsOfNothingIsNothing() {
    assertThat(Vectors.centreRows(new double[0][])).isEmpty();
  }
}
