package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AlignmentTest {
  private static final double[][] COVARIANCE = GoldenData.smallCovariance();
  private static final double[][] BINARY = {GoldenData.doubles("/binary_head/coefficients")};
  private static final double[][] CATEGORICAL =
      GoldenData.matrix("/categorical_head/centred_coefficients");

  @Test
  void projectedWscMatchesGolden() {
    // Reference: small.reference.json "wsc" (numpy): binary head vs centred categorical head,
    // k_min 2, q 0.9 -> k 3. The reference heads are the inputs, so only the covariance,
    // eigen decomposition and cosine math are compared; tolerance 1e-9.
    SymmetricEigen eigen = SymmetricEigen.decompose(COVARIANCE);
    int k = KRule.choose(eigen.values(), 2, 0.9);
    assertThat(k).isEqualTo(GoldenData.at("/wsc/k").asInt());
    Alignment alignment =
        Alignment.of(BINARY, CATEGORICAL, Projection.pca(eigen, k), Metric.COSINE);
    Approx.assertClose(
        alignment.matrix(), GoldenData.matrix("/wsc/binary_vs_categorical_centred"), 1e-9);
    assertThat(alignment.t()).isCloseTo(GoldenData.at("/wsc/T").asDouble(), within(1e-9));
    assertThat(alignment.rms()).isCloseTo(GoldenData.at("/wsc/RMS").asDouble(), within(1e-9));
  }

  @Test
  void unprojectedWscMatchesGolden() {
    // Reference: small.reference.json wsc.unprojected, plain cosines of the raw heads; 1e-12.
    Alignment alignment =
        Alignment.of(BINARY, CATEGORICAL, Projection.none(COVARIANCE), Metric.COSINE);
    Approx.assertClose(alignment.matrix(), GoldenData.matrix("/wsc/unprojected"), 1e-12);
  }

  @Test
  void logitCorrelationIsTheSigmaWeightedCosine() {
    // a' Sigma b / sqrt(a' Sigma a * b' Sigma b), computed here directly from Sigma.
    Alignment alignment =
        Alignment.of(BINARY, CATEGORICAL, Projection.none(COVARIANCE), Metric.LOGIT_CORRELATION);
    double[][] matrix = alignment.matrix();
    for (int j = 0; j < CATEGORICAL.length; j++) {
      double expected =
          sigma(BINARY[0], CATEGORICAL[j])
              / Math.sqrt(sigma(BINARY[0], BINARY[0]) * sigma(CATEGORICAL[j], CATEGORICAL[j]));
      assertThat(matrix[0][j]).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void logitCorrelationWithFullRankPcaEqualsUnprojected() {
    // Rotating into the full eigenbasis changes no logit, so the correlation is unchanged.
    SymmetricEigen eigen = SymmetricEigen.decompose(COVARIANCE);
    double[][] full =
        Alignment.of(BINARY, CATEGORICAL, Projection.pca(eigen, 6), Metric.LOGIT_CORRELATION)
            .matrix();
    double[][] none =
        Alignment.of(BINARY, CATEGORICAL, Projection.none(COVARIANCE), Metric.LOGIT_CORRELATION)
            .matrix();
    Approx.assertClose(full, none, 1e-12);
  }

  @Test
  void tIsTheLargestAbsoluteEntryAndRmsTheRootMeanSquare() {
    // Cosines of (1, 0) with (1, 0), (0, 1), (-1, 1) are 1, 0, -1/sqrt 2:
    // T = 1, RMS = sqrt((1 + 0 + 1/2) / 3) = sqrt(1/2).
    double[][] identity = {{1, 0}, {0, 1}};
    Alignment alignment =
        Alignment.of(
            new double[][] {{1, 0}},
            new double[][] {{1, 0}, {0, 1}, {-1, 1}},
            Projection.none(identity),
            Metric.COSINE);
    Approx.assertClose(alignment.matrix(), new double[][] {{1, 0, -Math.sqrt(0.5)}}, 1e-15);
    assertThat(alignment.t()).isCloseTo(1.0, within(1e-15));
    assertThat(alignment.rms()).isCloseTo(Math.sqrt(0.5), within(1e-15));
  }

  @Test
  void negativeAlignmentCountsTowardsT() {
    double[][] identity = {{1, 0}, {0, 1}};
    Alignment alignment =
        Alignment.of(
            new double[][] {{1, 0}},
            new double[][] {{-1, 0.1}},
            Projection.none(identity),
            Metric.COSINE);
    assertThat(alignment.matrix()[0][0]).isNegative();
    assertThat(alignment.t()).isCloseTo(1 / Math.sqrt(1.01), within(1e-15));
  }

  @Test
  void zeroHeadAlignsWithNothing() {
    double[][] identity = {{1, 0}, {0, 1}};
    for (Metric metric : Metric.values()) {
      Alignment alignment =
          Alignment.of(
              new double[][] {{0, 0}}, new double[][] {{1, 2}}, Projection.none(identity), metric);
      assertThat(alignment.t()).as(metric.label()).isZero();
    }
  }

  @Test
  void matrixIsACopy() {
    Alignment alignment =
        Alignment.of(BINARY, CATEGORICAL, Projection.none(COVARIANCE), Metric.COSINE);
    alignment.matrix()[0][0] = 42;
    assertThat(alignment.matrix()[0][0]).isNotEqualTo(42);
  }

  private static double sigma(double[] a, double[] b) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        sum += a[i] * COVARIANCE[i][j] * b[j];
      }
    }
    return sum;
  }
}
