package org.wsca.dependence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockPermuterTest {
  /** Two cells; 6 patients of 2 images each per cell; per-patient classes 0/1/2. */
  private static List<StratumScores> strata() {
    return List.of(stratum("a|s1", "p"), stratum("b|s1", "q"));
  }

  private static StratumScores stratum(String name, String prefix) {
    int rows = 12;
    int[] classes = new int[rows];
    String[] patients = new String[rows];
    double[][] scores = new double[1][rows];
    for (int i = 0; i < rows; i++) {
      int patient = i / 2;
      patients[i] = prefix + patient;
      classes[i] = patient % 3;
      scores[0][i] = i;
    }
    return new StratumScores(name, classes, scores, patients);
  }

  @Test
  void wholePatientsMoveAndEachStratumKeepsItsClasses() {
    List<StratumScores> strata = strata();
    BlockPermuter permuter = new BlockPermuter(7L, "scanner", "pooled");
    int moved = 0;
    for (int b = 1; b <= 50; b++) {
      int[][] out = permuter.permute(strata, b);
      for (int s = 0; s < strata.size(); s++) {
        String[] patients = strata.get(s).patients().orElseThrow();
        Map<String, Integer> classOf = new HashMap<>();
        for (int i = 0; i < out[s].length; i++) {
          Integer before = classOf.putIfAbsent(patients[i], out[s][i]);
          assertThat(before == null || before == out[s][i])
              .as("both images of patient %s take one class in permutation %d", patients[i], b)
              .isTrue();
        }
        int[] sortedOut = out[s].clone();
        int[] sortedIn = strata.get(s).classes();
        Arrays.sort(sortedOut);
        Arrays.sort(sortedIn);
        assertThat(sortedOut).as("the classes of stratum %d are kept", s).isEqualTo(sortedIn);
        if (!Arrays.equals(out[s], strata.get(s).classes())) {
          moved++;
        }
      }
    }
    assertThat(moved).as("permutations move patients (100 stratum draws)").isGreaterThan(80);
  }

  @Test
  void aPureFunctionOfSeedTaskScopeAndB() {
    int[][] first = new BlockPermuter(7L, "scanner", "pooled").permute(strata(), 5);
    int[][] again = new BlockPermuter(7L, "scanner", "pooled").permute(strata(), 5);
    int[][] otherTask = new BlockPermuter(7L, "hospital", "pooled").permute(strata(), 5);
    assertThat(again).isEqualTo(first);
    assertThat(otherTask).isNotEqualTo(first);
  }

  /**
   * Per-patient classes: 6 patients of 2 images per stratum, 2 patients per class, so each stratum
   * has 6! / (2! 2! 2!) = 90 patient assignments, not the 12! / (4! 4! 4!) = 34,650 of images.
   */
  @Test
  void distinctAssignmentsAreCountedOverPatients() {
    ShiftStatistic statistic = new ShiftStatistic(strata(), 3);
    assertThat(new BlockPermuter(7L, "scanner", "pooled").log10Assignments(statistic))
        .isCloseTo(2 * Math.log10(90), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(new RowPermuter(7L, "scanner", "pooled").log10Assignments(statistic))
        .isCloseTo(2 * Math.log10(34_650), org.assertj.core.data.Offset.offset(1e-9));
  }
}
