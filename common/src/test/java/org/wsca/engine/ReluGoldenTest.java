package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.wsca.math.Alignment;
import org.wsca.math.CovarianceState;
import org.wsca.math.KRule;
import org.wsca.math.Metric;
import org.wsca.math.Projection;
import org.wsca.math.SymmetricEigen;

/**
 * Heads and WSC on a ReLU-shaped embedding (dead and near-dead units, scales over four orders of
 * magnitude, rank 13 of 16) against an independent computation: the exact optimum of the heads'
 * objective from scipy (L-BFGS-B polished by Newton steps to a gradient norm of 1e-16) and numpy's
 * cosines, eigenvectors and logit correlations (golden/relu.reference.json, tests/golden/
 * relu_golden.py). Tolerances: the solver stops at MLlib's rule with tol 1e-10, which leaves the
 * heads within 2.5e-8 of the optimum here and T within 1.8e-8 (measured 2026-12-01); 1e-6 on every
 * coefficient and on T holds that with a margin of 40, and would fail for a head stalled like
 * MLlib's cold start on such units (errors of 1e-2, docs/method.md section 3).
 */
class ReluGoldenTest {
  private static final GoldenRelu GOLDEN = GoldenRelu.load();
  private static final double HEAD_TOLERANCE = 1e-6;

  @Test
  void headsReachTheExactOptimumDespiteDeadAndNearDeadUnits() {
    assertDirections(fit(GOLDEN.label, 3), GOLDEN.directions("label"));
    assertDirections(fit(GOLDEN.scanner, 2), GOLDEN.directions("scanner"));
  }

  @Test
  void wscMatchesTheReferenceInEverySpaceAndMetric() {
    double[][] label = fit(GOLDEN.label, 3).directions();
    double[][] scanner = fit(GOLDEN.scanner, 2).directions();
    double[][] covariance = covariance();
    SymmetricEigen eigen = SymmetricEigen.decompose(covariance);
    int k = KRule.choose(eigen.values(), 50, 0.99);
    assertThat(k).as("k = rank below d").isEqualTo(GOLDEN.covarianceRank());

    Projection none = Projection.none(covariance);
    assertThat(Alignment.of(label, scanner, none, Metric.COSINE).t())
        .isCloseTo(GOLDEN.wsc("t"), within(HEAD_TOLERANCE));
    assertThat(Alignment.of(label, scanner, Projection.pca(eigen, k), Metric.COSINE).t())
        .isCloseTo(GOLDEN.wsc("t_pca_rank"), within(HEAD_TOLERANCE));
    assertThat(Alignment.of(label, scanner, none, Metric.LOGIT_CORRELATION).t())
        .isCloseTo(GOLDEN.wsc("t_logit_correlation"), within(HEAD_TOLERANCE));
  }

  private static LinearHead fit(int[] labels, int classes) {
    return ReferenceFit.batched(GOLDEN.features, labels, classes, GOLDEN.lambda(), 300);
  }

  private static double[][] covariance() {
    CovarianceState state = new CovarianceState(GOLDEN.features[0].length);
    for (double[] row : GOLDEN.features) {
      state.add(row);
    }
    return state.covariance();
  }

  private static void assertDirections(LinearHead head, double[][] expected) {
    double[][] actual = head.directions();
    assertThat(actual).hasDimensions(expected.length, expected[0].length);
    for (int c = 0; c < expected.length; c++) {
      BatchLbfgsTest.assertClose(actual[c], expected[c], HEAD_TOLERANCE);
    }
  }
}
