package org.wsca.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsca.math.PermutationDesign;
import org.wsca.math.Testability;

class TestabilityFloorTest {
  private static final TestabilityFloor FLOOR = TestabilityFloor.defaults();
  private static final List<String> SITE = List.of("site");

  @Test
  void oneScannerPerSiteIsNotTestableAndTheReasonNamesStrataAndFix() {
    int[][] labels = {{0, 0, 0, 0}, {1, 1, 1}, {2, 2, 2, 2, 2}};
    Testability t = PermutationDesign.images(List.of("A", "B", "C"), labels).testability();
    String reason = FLOOR.skipReason(t, "scanner", SITE).orElseThrow();
    assertThat(reason)
        .contains("task scanner takes one value within every permutation stratum")
        .contains("permutation.strata = [site]")
        .contains("'A', 'B', 'C'")
        .contains("cannot separate scanner from site")
        .contains("Fix: set permutation.strata = []");
  }

  @Test
  void aTaskVaryingInASliverOfTheRowsIsNotTestable() {
    // 30 movable rows of 1030: 2.9 %, under the 5 % fraction although above 20 rows.
    int[][] labels = {alternating(30), constant(1000, 1)};
    Testability t = PermutationDesign.images(List.of("A", "B"), labels).testability();
    String reason = FLOOR.skipReason(t, "scanner", SITE).orElseThrow();
    assertThat(reason)
        .contains("in only 1 of 2 strata")
        .contains("varying 'A'")
        .contains("30 of 1030 training rows (2.9 %)")
        .contains("fewer than 52 (permutation.min-movable-rows = 20")
        .contains("permutation.min-movable-fraction = 0.05");
  }

  @Test
  void tooFewDistinctPermutationsAreNotTestable() {
    // 10 patients, 5 per value, all in one stratum: C(10, 5) = 252 < 1000 arrangements, although
    // the 60 images would give many more.
    int[] labels = new int[60];
    String[] patients = new String[60];
    for (int r = 0; r < 60; r++) {
      labels[r] = r / 6 < 5 ? 0 : 1;
      patients[r] = "p" + r / 6;
    }
    Testability t =
        PermutationDesign.patients(List.of("A"), new int[][] {labels}, new String[][] {patients})
            .testability();
    String reason = FLOOR.skipReason(t, "bmi", SITE).orElseThrow();
    assertThat(reason)
        .contains("only about 252 distinct permutations per patient (whole patients move)")
        .contains("permutation.min-distinct-permutations = 1000");
  }

  @Test
  void aWellMixedTaskClearsTheFloor() {
    int[][] labels = {alternating(40), alternating(50)};
    Testability t = PermutationDesign.images(List.of("A", "B"), labels).testability();
    assertThat(FLOOR.skipReason(t, "scanner", SITE)).isEmpty();
  }

  @Test
  void withoutStrataTheReasonSaysSo() {
    Testability t =
        PermutationDesign.images(List.of(""), new int[][] {constant(50, 0)}).testability();
    assertThat(FLOOR.skipReason(t, "scanner", List.of()).orElseThrow())
        .contains("permutation.strata = []")
        .contains("Fix: none inside this scope");
  }

  @Test
  void badFloorsAreRefused() {
    assertThatThrownBy(() -> new TestabilityFloor(0, 0.05, 1000)).hasMessageContaining(">= 1");
    assertThatThrownBy(() -> new TestabilityFloor(20, 1.5, 1000)).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> new TestabilityFloor(20, 0.05, 1)).hasMessageContaining(">= 2");
  }

  private static int[] alternating(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i % 2;
    }
    return out;
  }

  private static int[] constant(int n, int value) {
    int[] out = new int[n];
    java.util.Arrays.fill(out, value);
    return out;
  }
}
