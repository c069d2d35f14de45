package org.wsca.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final double GATE = 0.60;
  private static final double ALPHA = 0.05;
  private static final double MIN_EFFECT = 0.10;

  private static Verdict decide(Role role, double presence, double q, double t) {
    return Verdict.decide(role, presence, q, t, GATE, ALPHA, MIN_EFFECT);
  }

  @Test
  void missingPresenceOrSignificanceIsNotTested() {
    assertThat(decide(Role.CONFOUNDER, Double.NaN, 0.01, 0.5)).isEqualTo(Verdict.NOT_TESTED);
    assertThat(decide(Role.CONFOUNDER, 0.9, Double.NaN, 0.5)).isEqualTo(Verdict.NOT_TESTED);
    assertThat(decide(Role.CLINICAL, 0.9, 0.01, Double.NaN)).isEqualTo(Verdict.NOT_TESTED);
    assertThat(decide(Role.CLINICAL, 0.3, Double.NaN, 0.5)).isEqualTo(Verdict.NOT_TESTED);
  }

  @Test
  void presenceBelowTheGateIsNotEncodedWhateverTheAlignment() {
    assertThat(decide(Role.CONFOUNDER, 0.59, 0.001, 0.9)).isEqualTo(Verdict.NOT_ENCODED);
    assertThat(decide(Role.CLINICAL, 0.5, 0.001, 0.9)).isEqualTo(Verdict.NOT_ENCODED);
  }

  @Test
  void presenceEqualToTheGateCountsAsEncoded() {
    assertThat(decide(Role.CONFOUNDER, GATE, 0.5, 0.05)).isEqualTo(Verdict.ENCODED_NOT_USED);
    assertThat(decide(Role.CONFOUNDER, GATE, 0.01, 0.5)).isEqualTo(Verdict.SHORTCUT_RISK);
  }

  @Test
  void significantLargeAlignmentDependsOnTheRole() {
    assertThat(decide(Role.CONFOUNDER, 0.8, 0.01, 0.3)).isEqualTo(Verdict.SHORTCUT_RISK);
    assertThat(decide(Role.CLINICAL, 0.8, 0.01, 0.3)).isEqualTo(Verdict.USES_CLINICAL_SIGNAL);
  }

  @Test
  void boundariesAreInclusive() {
    assertThat(decide(Role.CONFOUNDER, 0.8, ALPHA, 0.3)).isEqualTo(Verdict.SHORTCUT_RISK);
    assertThat(decide(Role.CONFOUNDER, 0.8, 0.01, MIN_EFFECT)).isEqualTo(Verdict.SHORTCUT_RISK);
    assertThat(decide(Role.CLINICAL, 0.8, ALPHA, MIN_EFFECT))
        .isEqualTo(Verdict.USES_CLINICAL_SIGNAL);
  }

  @Test
  void notSignificantOrTooSmallIsEncodedNotUsed() {
    assertThat(decide(Role.CONFOUNDER, 0.8, 0.051, 0.5)).isEqualTo(Verdict.ENCODED_NOT_USED);
    assertThat(decide(Role.CONFOUNDER, 0.8, 0.001, 0.099)).isEqualTo(Verdict.ENCODED_NOT_USED);
    assertThat(decide(Role.CLINICAL, 0.8, 0.2, 0.05)).isEqualTo(Verdict.ENCODED_NOT_USED);
    assertThat(decide(Role.CLINICAL, 0.8, 0.001, 0.05)).isEqualTo(Verdict.ENCODED_NOT_USED);
  }

  @Test
  void thresholdsComeFromTheArguments() {
    assertThat(Verdict.decide(Role.CONFOUNDER, 0.65, 0.04, 0.2, 0.7, 0.05, 0.1))
        .isEqualTo(Verdict.NOT_ENCODED);
    assertThat(Verdict.decide(Role.CONFOUNDER, 0.8, 0.04, 0.2, 0.6, 0.01, 0.1))
        .isEqualTo(Verdict.ENCODED_NOT_USED);
    assertThat(Verdict.decide(Role.CONFOUNDER, 0.8, 0.04, 0.2, 0.6, 0.05, 0.3))
        .isEqualTo(Verdict.ENCODED_NOT_USED);
  }

  @Test
  void everyVerdictHasItsOwnOneSentenceExplanation() {
    for (Verdict verdict : Verdict.values()) {
      assertThat(verdict.explanation()).as(verdict.name()).isNotBlank().endsWith(".");
    }
    assertThat(Arrays.stream(Verdict.values()).map(Verdict::explanation).distinct().count())
        .isEqualTo(Verdict.values().length);
    assertThat(Verdict.SHORTCUT_RISK.explanation()).contains("shortcut");
  }
}
