package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Tests {@link PermutationPValue}. */
class PermutationPValueTest {

  @Test
  void matchesGoldenExamples() {
    // Reference: small.reference.json permutation_p.examples, (1 + #{T_b >= T}) / (B + 1); 1e-15.
    JsonNode examples = GoldenData.at("/permutation_p/examples");
    assertThat(examples.size()).isEqualTo(2);
    for (JsonNode example : examples) {
      double p =
          PermutationPValue.pValue(
              example.get("T").asDouble(), GoldenData.doubles(example.get("null")));
      assertThat(p).as("p for %s", example).isCloseTo(example.get("p").asDouble(), within(1e-15));
    }
  }

  @Test
  void allNullsBelowGivesTheSmallestPossibleP() {
    assertThat(PermutationPValue.pValue(0.9, new double[] {0.1, 0.2, 0.3})).isEqualTo(0.25);
    assertThat(PermutationPValue.pValue(1.0, new double[999])).isEqualTo(0.001);
  }

  @Test
  void allNullsEqualToTheObservedGivesOne() {
    assertThat(PermutationPValue.pValue(0.4, new double[] {0.4, 0.4, 0.4})).isEqualTo(1.0);
  }

  @Test
  void rejectsEmptyOrNaN() {
    assertThatThrownBy(() -> PermutationPValue.pValue(0.3, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B >= 1");
    assertThatThrownBy(() -> PermutationPValue.pValue(Double.NaN, new double[] {0.1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PermutationPValue.pValue(0.3, new double[] {0.1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Null statistic 1");
  }
}
