package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AurocTest {

  @Test
  void goldenAurocWithTies() {
    // Reference: small.reference.json auroc_with_ties, sklearn.metrics.roc_auc_score; 1e-15.
    double[] scores = GoldenData.doubles("/auroc_with_ties/scores");
    int[] labels = GoldenData.ints(GoldenData.at("/auroc_with_ties/labels"));
    assertThat(Auroc.binary(scores, labels))
        .isCloseTo(GoldenData.at("/auroc_with_ties/auroc").asDouble(), within(1e-15));
  }

  @Test
  void perfectReversedAndTiedRankings() {
    int[] labels = {0, 0, 1, 1};
    assertThat(Auroc.binary(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
    assertThat(Auroc.binary(new double[] {0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0.0);
    assertThat(Auroc.binary(new double[] {0.5, 0.5, 0.5, 0.5}, labels)).isEqualTo(0.5);
  }

  @Test
  void singleTieCountsHalf() {
    // Pairs (pos, neg): (0.5, 0.1) win, (0.5, 0.5) tie -> (1 + 0.5) / 2 = 0.75.
    assertThat(Auroc.binary(new double[] {0.1, 0.5, 0.5}, new int[] {0, 0, 1})).isEqualTo(0.75);
  }

  @Test
  void agreesWithBruteForcePairCounting() {
    // O(n^2) definition on heavily tied scores, as an independent check of the sorted sweep.
    SplittableRandom random = new SplittableRandom(3);
    double[] scores = new double[500];
    int[] labels = new int[500];
    for (int i = 0; i < scores.length; i++) {
      labels[i] = random.nextInt(2);
      scores[i] = random.nextInt(20) + 3 * labels[i];
    }
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (labels[i] == 1 && labels[j] == 0) {
          pairs++;
          wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
        }
      }
    }
    assertThat(Auroc.binary(scores, labels)).isCloseTo(wins / pairs, within(1e-14));
  }

  @Test
  void missingClassGivesNaN() {
    assertThat(Auroc.binary(new double[] {0.1, 0.2}, new int[] {1, 1})).isNaN();
    assertThat(Auroc.binary(new double[] {0.1, 0.2}, new int[] {0, 0})).isNaN();
    assertThat(Auroc.binary(new double[0], new int[0])).isNaN();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Auroc.binary(new double[] {0.1}, new int[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found 2");
    assertThatThrownBy(() -> Auroc.binary(new double[] {0.1, 0.2}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 score rows but 1");
    assertThatThrownBy(() -> Auroc.binary(new double[] {Double.NaN, 0.2}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }

  /*
   * Hand-made three-class example, rows r0..r5 with labels 0, 0, 1, 1, 2, 2 and score columns
   * (class 0, class 1, class 2):
   *   r0 (0.8, 0.1, 0.1)  r1 (0.3, 0.4, 0.3)  r2 (0.2, 0.7, 0.1)
   *   r3 (0.5, 0.3, 0.2)  r4 (0.1, 0.2, 0.7)  r5 (0.4, 0.2, 0.3)
   * Class 0: positives 0.8, 0.3 vs negatives 0.2, 0.5, 0.1, 0.4 -> wins 4 + 2 = 6 of 8 = 0.75.
   * Class 1: positives 0.7, 0.3 vs negatives 0.1, 0.4, 0.2, 0.2 -> wins 4 + 3 = 7 of 8 = 0.875.
   * Class 2: positives 0.7, 0.3 vs negatives 0.1, 0.3, 0.1, 0.2 -> 4 + (3 + one tie 0.5) = 7.5 of
   *   8 = 0.9375.
   * Macro mean: (0.75 + 0.875 + 0.9375) / 3 = 2.5625 / 3 = 0.8541666...
   */
  private static final double[][] THREE_CLASS_SCORES = {
    {0.8, 0.1, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.7, 0.1},
    {0.5, 0.3, 0.2}, {0.1, 0.2, 0.7}, {0.4, 0.2, 0.3}
  };
  private static final int[] THREE_CLASS_LABELS = {0, 0, 1, 1, 2, 2};

  @Test
  void macroOneVsRestOnHandComputedExample() {
    assertThat(Auroc.macroOneVsRest(THREE_CLASS_SCORES, THREE_CLASS_LABELS, 3))
        .isCloseTo(2.5625 / 3, within(1e-15));
  }

  @Test
  void macroOneVsRestSkipsAbsentClasses() {
    // A fourth class that never occurs is skipped, not scored as a constant.
    double[][] scores = new double[6][];
    for (int r = 0; r < 6; r++) {
      scores[r] =
          new double[] {
            THREE_CLASS_SCORES[r][0], THREE_CLASS_SCORES[r][1], THREE_CLASS_SCORES[r][2], 0.0
          };
    }
    assertThat(Auroc.macroOneVsRest(scores, THREE_CLASS_LABELS, 4))
        .isCloseTo(2.5625 / 3, within(1e-15));
  }

  @Test
  void macroOneVsRestNeedsTwoClasses() {
    assertThat(Auroc.macroOneVsRest(new double[][] {{0.1, 0.9}, {0.2, 0.8}}, new int[] {1, 1}, 2))
        .isNaN();
  }

  @Test
  void macroOneVsRestWithTwoClassesIsTheBinaryAuroc() {
    // Column 1 gives the binary AUROC a; column 0 = 1 - column 1 gives class 0 the same a.
    double[] p = {0.1, 0.4, 0.35, 0.8};
    int[] labels = {0, 0, 1, 1};
    double[][] scores = new double[4][];
    for (int r = 0; r < 4; r++) {
      scores[r] = new double[] {1 - p[r], p[r]};
    }
    assertThat(Auroc.macroOneVsRest(scores, labels, 2))
        .isCloseTo(Auroc.binary(p, labels), within(1e-15));
  }

  @Test
  void macroOneVsRestRejectsWrongWidthOrLabel() {
    assertThatThrownBy(
            () -> Auroc.macroOneVsRest(new double[][] {{0.1}, {0.2}}, new int[] {0, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns");
    assertThatThrownBy(
            () -> Auroc.macroOneVsRest(THREE_CLASS_SCORES, new int[] {0, 0, 1, 1, 2, 3}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 0..2");
  }
}
