package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitAssignerTest {

  @Test
  void sameKeyAndSeedGiveTheSameSide() {
    for (int i = 0; i < 100; i++) {
      String key = "patient-" + i;
      assertThat(SplitAssigner.isTest(key, 7, 0.2)).isEqualTo(SplitAssigner.isTest(key, 7, 0.2));
    }
  }

  @Test
  void testShareIsWithinFiveSigmaOfTheFraction() {
    // 100,000 keys; binomial sd sqrt(n f (1 - f)): 126 for f = 0.2, 158 for f = 0.5.
    int n = 100_000;
    for (double fraction : new double[] {0.2, 0.5}) {
      int tests = 0;
      for (int i = 0; i < n; i++) {
        tests += SplitAssigner.isTest("s" + i, 1234L, fraction) ? 1 : 0;
      }
      double sigma = Math.sqrt(n * fraction * (1 - fraction));
      assertThat(Math.abs(tests - n * fraction)).as("fraction %s", fraction).isLessThan(5 * sigma);
    }
  }

  @Test
  void differentSeedsGiveDifferentSplits() {
    // With f = 0.5, independent splits disagree on about half of 1000 keys.
    int disagreements = 0;
    for (int i = 0; i < 1000; i++) {
      disagreements +=
          SplitAssigner.isTest("k" + i, 1, 0.5) != SplitAssigner.isTest("k" + i, 2, 0.5) ? 1 : 0;
    }
    assertThat(disagreements).isBetween(400, 600);
  }

  @Test
  void nestedFractionsNestTheTestSets() {
    // The same uniform value is compared, so every test key at 0.1 is a test key at 0.3.
    for (int i = 0; i < 1000; i++) {
      if (SplitAssigner.isTest("k" + i, 5, 0.1)) {
        assertThat(SplitAssigner.isTest("k" + i, 5, 0.3)).isTrue();
      }
    }
  }

  @Test
  void extremeFractions() {
    for (int i = 0; i < 1000; i++) {
      assertThat(SplitAssigner.isTest("k" + i, 3, 0.0)).isFalse();
      assertThat(SplitAssigner.isTest("k" + i, 3, 1.0)).isTrue();
    }
    assertThatThrownBy(() -> SplitAssigner.isTest("k", 3, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }
}
