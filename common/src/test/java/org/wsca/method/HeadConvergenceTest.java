package org.wsca.method;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadConvergenceTest {
  private static final double[] T = {0.1, 0.2, 0.3, 0.4};

  @Test
  void convergedHeadsAndFewNonConvergedNullHeadsStand() {
    NullDistribution nulls =
        NullDistribution.of(T, new boolean[] {true, true, true, true}, 0.25, true);
    assertThat(HeadConvergence.problem(true, true, nulls, 100, 0.01)).isEmpty();
    NullDistribution oneOfFour =
        NullDistribution.of(T, new boolean[] {true, false, true, true}, 0.25, true);
    assertThat(HeadConvergence.problem(true, true, oneOfFour, 100, 0.25)).isEmpty();
  }

  @Test
  void eachCauseIsNamedWithTheFix() {
    NullDistribution nulls =
        NullDistribution.of(T, new boolean[] {true, false, true, true}, 0.25, false);
    String reason = HeadConvergence.problem(true, false, nulls, 100, 0.01).orElseThrow();
    assertThat(reason)
        .startsWith(HeadConvergence.PREFIX)
        .contains("reported head (MLlib) stopped at wsca.heads.max-iter = 100")
        .contains("permutation 0")
        .contains("1 of 4 permuted heads (25.0%)")
        .contains("wsca.heads.max-nonconverged-share = 0.01")
        .contains("raise wsca.heads.max-iter (now 100)");
    assertThat(HeadConvergence.isConvergenceSkip(reason)).isTrue();
    assertThat(HeadConvergence.isConvergenceSkip("too few rows")).isFalse();
    assertThat(HeadConvergence.isConvergenceSkip(null)).isFalse();
  }

  @Test
  void aShareJustAboveTheLimitIsNotTested() {
    NullDistribution nulls =
        NullDistribution.of(T, new boolean[] {false, false, true, true}, 0.25, true);
    assertThat(HeadConvergence.problem(true, true, nulls, 100, 0.49)).isPresent();
    assertThat(HeadConvergence.problem(true, true, nulls, 100, 0.5)).isEmpty();
  }

  @Test
  void anUnconvergedClinicalProbeLeavesNoVerdict() {
    NullDistribution nulls =
        NullDistribution.of(T, new boolean[] {true, true, true, true}, 0.25, true);
    String reason = HeadConvergence.problem(false, true, nulls, 100, 0.01).orElseThrow();
    assertThat(reason)
        .startsWith(HeadConvergence.PREFIX)
        .contains("clinical probe")
        .contains("max-iter = 100")
        .contains("Fix:");
  }
}
