package org.wsca.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloFloorTest {
  @Test
  void theIssuesExampleBlocksEveryFindingAndSaysWhichBWouldNot() {
    // 20 sites x 5 tasks + 5 pooled = 105 tests, B = 999: q >= 105/1000 = 0.105 > 0.05.
    assertThat(MonteCarloFloor.smallestQ(105, 999)).isEqualTo(0.105);
    assertThat(MonteCarloFloor.verdictWarning(Role.CONFOUNDER, 105, 999, 0.05).orElseThrow())
        .contains("The confounder family has m = 105 tests")
        .contains("dependence.permutations = 999")
        .contains("smallest q is m/(B+1) = 0.105 > verdict.alpha = 0.05")
        .contains("no SHORTCUT_RISK verdict")
        .contains("dependence.permutations to at least 2099");
    assertThat(MonteCarloFloor.wscNote(Role.CONFOUNDER, 105, 999, 0.05).orElseThrow())
        .contains("permutation.count = 999")
        .contains("m/(B+1) = 0.105")
        .contains("The verdicts do not depend on it")
        .contains("at least 2099")
        .contains("auto, which chooses 8399");
    // The default dependence.permutations = 9,999 reaches a finding among 105 tests.
    assertThat(MonteCarloFloor.verdictWarning(Role.CONFOUNDER, 105, 9_999, 0.05)).isEmpty();
  }

  @Test
  void countForIsTheSmallestHundredMinusOneThatReachesTheLevel() {
    // 105/2100 = 0.05 exactly reaches 0.05; 105/2000 = 0.0525 does not.
    assertThat(MonteCarloFloor.countFor(105, 0.05)).isEqualTo(2099);
    assertThat(MonteCarloFloor.countFor(105, 0.0125)).isEqualTo(8399);
    assertThat(MonteCarloFloor.countFor(1, 0.05)).isEqualTo(99);
    assertThat(MonteCarloFloor.countFor(5, 0.05)).isEqualTo(99);
    assertThat(MonteCarloFloor.countFor(6, 0.05)).isEqualTo(199);
  }

  @Test
  void autoTakesTheLargestFamilyWithTheMarginBetweenTheBounds() {
    assertThat(MonteCarloFloor.auto(List.of(3, 4), 0.05)).isEqualTo(999);
    assertThat(MonteCarloFloor.auto(List.of(105, 21), 0.05)).isEqualTo(8399);
    assertThat(MonteCarloFloor.auto(List.of(5000), 0.05)).isEqualTo(MonteCarloFloor.AUTO_MAX);
    assertThat(MonteCarloFloor.auto(List.of(), 0.05)).isEqualTo(999);
  }

  @Test
  void noWarningWhenAFindingIsReachable() {
    assertThat(MonteCarloFloor.verdictWarning(Role.CLINICAL, 50, 999, 0.05)).isEmpty();
    assertThat(MonteCarloFloor.verdictWarning(Role.CLINICAL, 51, 999, 0.05).orElseThrow())
        .contains("no USES_CLINICAL_SIGNAL verdict");
  }
}
