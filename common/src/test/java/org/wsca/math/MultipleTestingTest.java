package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {
  private static final double[] P = GoldenData.doubles("/multiple_testing/p");

  @Test
  void benjaminiHochbergMatchesGolden() {
    // Reference: small.reference.json multiple_testing.bh_q (numpy implementation of BH); 1e-12.
    Approx.assertClose(
        MultipleTesting.benjaminiHochberg(P), GoldenData.doubles("/multiple_testing/bh_q"), 1e-12);
  }

  @Test
  void holmMatchesGolden() {
    // Reference: small.reference.json multiple_testing.holm (numpy implementation of Holm); 1e-12.
    Approx.assertClose(
        MultipleTesting.holm(P), GoldenData.doubles("/multiple_testing/holm"), 1e-12);
  }

  @Test
  void adjustmentsFollowTheInputOrder() {
    // Reversing the input reverses the output.
    double[] reversed = reverse(P);
    Approx.assertClose(
        MultipleTesting.benjaminiHochberg(reversed),
        reverse(GoldenData.doubles("/multiple_testing/bh_q")),
        1e-12);
    Approx.assertClose(
        MultipleTesting.holm(reversed),
        reverse(GoldenData.doubles("/multiple_testing/holm")),
        1e-12);
  }

  @Test
  void nanIsUntestedAndNotCounted() {
    // m = 2: BH 0.01 * 2 / 1 = 0.02, 0.04 * 2 / 2 = 0.04; Holm 2 * 0.01, max(0.02, 1 * 0.04).
    double[] p = {0.01, Double.NaN, 0.04};
    Approx.assertClose(
        MultipleTesting.benjaminiHochberg(p), new double[] {0.02, Double.NaN, 0.04}, 1e-15);
    Approx.assertClose(MultipleTesting.holm(p), new double[] {0.02, Double.NaN, 0.04}, 1e-15);
    assertThat(MultipleTesting.holm(new double[] {Double.NaN})[0]).isNaN();
  }

  @Test
  void singleTestIsUnadjusted() {
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {0.3})).containsExactly(0.3);
    assertThat(MultipleTesting.holm(new double[] {0.3})).containsExactly(0.3);
    assertThat(MultipleTesting.holm(new double[0])).isEmpty();
  }

  @Test
  void adjustedValuesAreCappedAtOne() {
    // BH: min(0.9 * 2 / 2, 0.5 * 2 / 1) = 0.9 for both. Holm: min(1, 2 * 0.5) = 1, then max = 1.
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {0.5, 0.9}))
        .containsExactly(0.9, 0.9);
    assertThat(MultipleTesting.holm(new double[] {0.5, 0.9})).containsExactly(1.0, 1.0);
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {1.0, 1.0}))
        .containsExactly(1.0, 1.0);
  }

  @Test
  void tiedPValuesGetEqualAdjustments() {
    double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.02, 0.02, 0.5});
    assertThat(q[0]).isEqualTo(q[1]).isEqualTo(0.03);
    double[] holm = MultipleTesting.holm(new double[] {0.02, 0.02, 0.5});
    assertThat(holm[0]).isEqualTo(holm[1]).isEqualTo(0.06);
  }

  @Test
  void rejectsValuesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> MultipleTesting.holm(new double[] {0.1, 1.2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.2");
    assertThatThrownBy(() -> MultipleTesting.benjaminiHochberg(new double[] {-0.1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double[] reverse(double[] values) {
    double[] reversed = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      reversed[i] = values[values.length - 1 - i];
    }
    return reversed;
  }
}
