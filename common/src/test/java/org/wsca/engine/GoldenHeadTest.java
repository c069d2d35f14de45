package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The batched optimiser against scikit-learn 1.2 on the golden small.csv (test resources, golden/)
 * (small.reference.json: LogisticRegression(lbfgs, C = 1 / (n lambda)), lambda = 0.01, i.e. MLlib's
 * objective). Tolerance 1e-4, as golden/README.md states is safe (MLlib itself is within 2e-5).
 */
class GoldenHeadTest {
  private static final GoldenSmall GOLDEN = GoldenSmall.load();

  @Test
  void binaryHeadMatchesReference() {
    LinearHead head = fit(GOLDEN.binary, 2);
    assertClose(head.coefficients()[0], GoldenSmall.binaryCoefficients(), 1e-4);
    assertThat(head.intercepts()[0]).isCloseTo(GoldenSmall.binaryIntercept(), within(1e-4));
  }

  /**
   * The multinomial reference is 1.2e-4 from the optimum in one entry (centred coefficient [0][5]):
   * scikit-learn stopped where ||grad f|| = 2.2e-5 (f = 0.633767672977 against 0.633767672348 at
   * the optimum, checked with this objective), so the reference is held to 2e-4 and the optimum
   * itself, from Newton's method, to 1e-6.
   */
  @Test
  void multinomialHeadMatchesReferenceAndNewton() {
    LinearHead head = fit(GOLDEN.categorical, 3);
    double[][] expected = GoldenSmall.centredCoefficients();
    for (int k = 0; k < 3; k++) {
      assertClose(head.directions()[k], expected[k], 2e-4);
    }
    assertClose(head.intercepts(), GoldenSmall.categoricalIntercepts(), 1e-4);
    double[] newton =
        new NewtonLogistic(GOLDEN.features, GOLDEN.categorical, 3, GoldenSmall.LAMBDA).solve();
    assertClose(BatchLbfgsTest.flatten(head), newton, 1e-6);
  }

  @Test
  void binaryHeadMatchesNewton() {
    double[] newton =
        new NewtonLogistic(GOLDEN.features, GOLDEN.binary, 2, GoldenSmall.LAMBDA).solve();
    assertClose(BatchLbfgsTest.flatten(fit(GOLDEN.binary, 2)), newton, 1e-6);
  }

  private static LinearHead fit(int[] labels, int classes) {
    return ReferenceFit.batched(GOLDEN.features, labels, classes, GoldenSmall.LAMBDA, 100);
  }

  private static void assertClose(double[] actual, double[] expected, double tolerance) {
    BatchLbfgsTest.assertClose(actual, expected, tolerance);
  }
}
