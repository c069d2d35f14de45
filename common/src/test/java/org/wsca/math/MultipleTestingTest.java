package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

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

  @Test
  void familiesAreAdjustedSeparately() {
    // Each family's q equals adjusting that family alone; the families interleave in the input.
    double[] p = {0.01, 0.001, 0.04, 0.002, 0.03, 0.5};
    String[] family = {
      "confounder", "clinical", "confounder", "clinical", "confounder", "clinical"
    };
    double[] confounder = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03});
    double[] clinical = MultipleTesting.benjaminiHochberg(new double[] {0.001, 0.002, 0.5});
    assertThat(MultipleTesting.benjaminiHochberg(p, family))
        .containsExactly(
            confounder[0], clinical[0], confounder[1], clinical[1], confounder[2], clinical[2]);
    double[] holmConfounder = MultipleTesting.holm(new double[] {0.01, 0.04, 0.03});
    double[] holmClinical = MultipleTesting.holm(new double[] {0.001, 0.002, 0.5});
    assertThat(MultipleTesting.holm(p, family))
        .containsExactly(
            holmConfounder[0],
            holmClinical[0],
            holmConfounder[1],
            holmClinical[1],
            holmConfounder[2],
            holmClinical[2]);
  }

  @Test
  void clinicalResultsNoLongerLoosenTheConfounderThreshold() {
    // The case: 10 confounder tests, the smallest at p = 0.01, with 10 clinical tests at
    // p = 0.001. One family: the confounder's rank is 11 of 20, q = 20 * 0.01 / 11 = 0.018 <= 0.05.
    // Per role: rank 1 of 10, q = 10 * 0.01 = 0.1 (larger confounder p-values keep it there).
    double[] p = new double[20];
    String[] family = new String[20];
    for (int i = 0; i < 10; i++) {
      p[i] = i == 0 ? 0.01 : 0.2 + 0.08 * i;
      family[i] = "confounder";
      p[10 + i] = 0.001;
      family[10 + i] = "clinical";
    }
    assertThat(MultipleTesting.benjaminiHochberg(p)[0]).isCloseTo(20 * 0.01 / 11, offset(1e-12));
    assertThat(MultipleTesting.benjaminiHochberg(p, family)[0]).isCloseTo(0.1, offset(1e-12));
    assertThat(MultipleTesting.benjaminiHochberg(p, family)[10]).isCloseTo(0.001, offset(1e-12));
  }

  @Test
  void untestedStaysNanWithinAFamily() {
    double[] q =
        MultipleTesting.benjaminiHochberg(
            new double[] {Double.NaN, 0.02, 0.04}, new String[] {"a", "a", "b"});
    assertThat(q[0]).isNaN();
    assertThat(q[1]).isCloseTo(0.02, offset(1e-15));
    assertThat(q[2]).isCloseTo(0.04, offset(1e-15));
    assertThatThrownBy(() -> MultipleTesting.holm(new double[] {0.1}, new String[0]))
        .hasMessageContaining("1 p-values but 0 family names");
  }

  @Test
  void perRoleFamiliesKeepTheConfounderFalseFlagRateAtAlpha() {
    // 10 null confounder tests (independent uniform p) with 10 clinical tests at p = 0.001, 4000
    // seeded runs. Per role: BH under the global null flags some confounder with probability
    // exactly alpha = 0.05, so the count is Binomial(4000, 0.05), mean 200; [156, 247] holds it
    // with probability above 1 - 1e-3. One family: the rate is about 0.244 (an independent
    // Python simulation of 200,000 runs gave 0.2441); assuming only 0.2, at least 720 flags fail
    // with probability below 1e-3.
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261201L);
    String[] family = new String[20];
    java.util.Arrays.fill(family, 0, 10, "confounder");
    java.util.Arrays.fill(family, 10, 20, "clinical");
    int perRole = 0;
    int oneFamily = 0;
    for (int run = 0; run < 4000; run++) {
      double[] p = new double[20];
      for (int i = 0; i < 10; i++) {
        p[i] = random.nextDouble();
        p[10 + i] = 0.001;
      }
      perRole += anyConfounderFlagged(MultipleTesting.benjaminiHochberg(p, family)) ? 1 : 0;
      oneFamily += anyConfounderFlagged(MultipleTesting.benjaminiHochberg(p)) ? 1 : 0;
    }
    assertThat(Binomial.upperTail(4000, 0.05, 248) + Binomial.lowerTail(4000, 0.05, 155))
        .isLessThan(1e-3);
    assertThat(Binomial.lowerTail(4000, 0.2, 719)).isLessThan(1e-3);
    assertThat(perRole).isBetween(156, 247);
    assertThat(oneFamily).isGreaterThanOrEqualTo(720);
  }

  private static boolean anyConfounderFlagged(double[] q) {
    for (int i = 0; i < 10; i++) {
      if (q[i] <= 0.05) {
        return true;
      }
    }
    return false;
  }
}
