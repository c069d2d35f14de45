package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class KRuleTest {
  private static final double[] GOLDEN_EIGENVALUES = GoldenData.doubles("/pca/eigenvalues");

  @Test
  void chooseReproducesEveryGoldenExample() {
    // Reference: small.reference.json pca.k_rule_examples (numpy); exact integers.
    JsonNode examples = GoldenData.at("/pca/k_rule_examples");
    assertThat(examples.size()).isEqualTo(5);
    for (JsonNode example : examples) {
      int k =
          KRule.choose(
              GOLDEN_EIGENVALUES, example.get("k_min").asInt(), example.get("q").asDouble());
      assertThat(k).as("k for %s", example).isEqualTo(example.get("k").asInt());
    }
  }

  @Test
  void cumulativeFractionMatchesGolden() {
    // Reference: small.reference.json pca.cumulative_fraction, np.cumsum(l) / l.sum(); 1e-15.
    Approx.assertClose(
        KRule.cumulativeFraction(GOLDEN_EIGENVALUES),
        GoldenData.doubles("/pca/cumulative_fraction"),
        1e-15);
  }

  @Test
  void rankCountsEigenvaluesAboveTheNumericalTolerance() {
    assertThat(KRule.rank(GOLDEN_EIGENVALUES)).isEqualTo(6);
    // Tolerance is 4 * 2.22e-16 * 5 = 4.4e-15: 1e-15 and the negative value are noise.
    assertThat(KRule.rank(new double[] {5, 1, 1e-15, -1e-16})).isEqualTo(2);
    assertThat(KRule.rank(new double[] {5, 1, 1e-13})).isEqualTo(3);
    assertThat(KRule.rank(new double[] {0, 0, 0})).isZero();
    assertThat(KRule.rank(new double[0])).isZero();
  }

  @Test
  void rankCapsTheChoiceOnRankDeficientSpectra() {
    double[] spectrum = {4, 2, 1e-20, 0};
    assertThat(KRule.choose(spectrum, 3, 0.5)).isEqualTo(2);
    assertThat(KRule.choose(spectrum, 1, 0.99)).isEqualTo(2);
  }

  @Test
  void exactFractionCountsDespiteRoundingError() {
    // {0.7, 0.5, 0.3}: the first two explain exactly 0.8, but in doubles the fraction is
    // 0.7999999999999999; without the slack k would become 3.
    assertThat((0.7 + 0.5) / (0.7 + 0.5 + 0.3)).isLessThan(0.8);
    assertThat(KRule.choose(new double[] {0.7, 0.5, 0.3}, 1, 0.8)).isEqualTo(2);
    assertThat(KRule.choose(new double[] {0.1, 0.1, 0.1}, 1, 1.0)).isEqualTo(3);
  }

  @Test
  void negativeNoiseIsIgnoredInTheFractions() {
    Approx.assertClose(
        KRule.cumulativeFraction(new double[] {3, 1, -1e-17}), new double[] {0.75, 1.0, 1.0}, 0.0);
    Approx.assertClose(KRule.cumulativeFraction(new double[] {0, 0}), new double[] {0, 0}, 0.0);
  }

  @Test
  void rejectsInvalidSettings() {
    assertThatThrownBy(() -> KRule.choose(GOLDEN_EIGENVALUES, -1, 0.9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> KRule.choose(GOLDEN_EIGENVALUES, 2, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> KRule.choose(GOLDEN_EIGENVALUES, 2, 0.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
