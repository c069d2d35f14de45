package org.wsca.dependence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wsca.math.Permutations;

class ShiftStatisticTest {
  /**
   * Golden shifts from an independent numpy computation of the definition (Mantel-Haenszel weighted
   * difference of class means, pooled within-stratum sd over the strata where the metadata varies);
   * numpy 2.4.6, script kept beside the numbers:
   *
   * <pre>
   * import numpy as np
   * strata = {  # name -> (classes, scores[c][i]), rows in sample_id order
   *  "a": ([0,1,2,0,1,0], [[0.5,-1.2,2.0,0.3,0.9,-0.4],[1.0,0.0,-0.5,2.5,1.5,0.2]]),
   *  "b": ([1,1,0,2,2], [[3.1,2.2,-0.7,0.0,1.1],[-1.0,0.4,0.8,0.6,-2.0]]),
   *  "c": ([2,0,2,1], [[0.1,0.2,-0.3,1.7],[0.9,-0.9,0.0,0.3]]),
   *  "d": ([1,1,1], [[5.0,6.0,7.0],[1.0,1.0,1.0]]) }
   * J, C = 3, 2
   * shift = np.zeros((C, J))
   * inform = {k: v for k, v in strata.items() if len(set(v[0])) > 1}
   * for c in range(C):
   *     ss = sum(((np.array(s[c]) - np.mean(s[c]))**2).sum() for _, s in inform.values())
   *     df = sum(len(g) - 1 for g, _ in inform.values())
   *     sd = np.sqrt(ss / df)
   *     for j in range(J):
   *         num = den = 0.0
   *         for g, s in inform.values():
   *             g = np.array(g); x = np.array(s[c])
   *             nj = (g == j).sum(); nn = (g != j).sum()
   *             if nj == 0 or nn == 0: continue
   *             w = nj * nn / len(g)
   *             num += w * (x[g == j].mean() - x[g != j].mean()); den += w
   *         shift[c, j] = num / (den * sd)
   * </pre>
   */
  private static final double[][] NUMPY_SHIFTS = {
    {-0.7273311844400208, 0.8199788620272147, -0.15623202783976642},
    {0.43470775348009727, 0.010939624009122281, -0.4489374989926092}
  };

  static List<StratumScores> goldenStrata() {
    return List.of(
        new StratumScores(
            "a",
            new int[] {0, 1, 2, 0, 1, 0},
            new double[][] {{0.5, -1.2, 2.0, 0.3, 0.9, -0.4}, {1.0, 0.0, -0.5, 2.5, 1.5, 0.2}}),
        new StratumScores(
            "b",
            new int[] {1, 1, 0, 2, 2},
            new double[][] {{3.1, 2.2, -0.7, 0.0, 1.1}, {-1.0, 0.4, 0.8, 0.6, -2.0}}),
        new StratumScores(
            "c",
            new int[] {2, 0, 2, 1},
            new double[][] {{0.1, 0.2, -0.3, 1.7}, {0.9, -0.9, 0.0, 0.3}}),
        new StratumScores(
            "d", new int[] {1, 1, 1}, new double[][] {{5.0, 6.0, 7.0}, {1.0, 1.0, 1.0}}));
  }

  @Test
  void shiftsMatchNumpy() {
    ShiftStatistic statistic = new ShiftStatistic(goldenStrata(), 3);
    double[][] shifts = statistic.observed();
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < 3; j++) {
        assertThat(shifts[c][j]).isCloseTo(NUMPY_SHIFTS[c][j], within(1e-12));
      }
    }
    DependenceResult result = DependenceResult.of(statistic, 99, new RowPermuter(1, "t", "s"));
    assertThat(result.d()).isCloseTo(0.8199788620272147, within(1e-12));
    assertThat(result.score()).isZero();
    assertThat(result.metadataClass()).isEqualTo(1);
  }

  @Test
  void constantMetadataStrataAreLeftOut() {
    ShiftStatistic statistic = new ShiftStatistic(goldenStrata(), 3);
    assertThat(statistic.movableStrata()).isEqualTo(3);
    assertThat(statistic.movableRows()).isEqualTo(15);
    // 6!/(3!2!1!) * 5!/(1!2!2!) * 4!/(1!1!2!) = 60 * 30 * 12 assignments.
    assertThat(statistic.log10Assignments()).isCloseTo(Math.log10(21600), within(1e-9));
  }

  /** The two-loop definition, written out independently, on random strata of unequal sizes. */
  @Test
  void shiftsMatchTheWeightedMeanDifferenceDefinition() {
    SplittableRandom rng = new SplittableRandom(7);
    List<StratumScores> strata = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      int n = 3 + rng.nextInt(40);
      int[] classes = new int[n];
      double[][] scores = new double[3][n];
      for (int i = 0; i < n; i++) {
        classes[i] = rng.nextInt(4);
        for (int c = 0; c < 3; c++) {
          scores[c][i] = s + c * rng.nextGaussian() + (classes[i] == 2 ? 0.7 : 0.0);
        }
      }
      strata.add(new StratumScores("s" + s, classes, scores));
    }
    double[][] shifts = new ShiftStatistic(strata, 4).observed();
    for (int c = 0; c < 3; c++) {
      for (int j = 0; j < 4; j++) {
        assertThat(shifts[c][j]).isCloseTo(definition(strata, c, j), within(1e-12));
      }
    }
  }

  @Test
  void nothingToPermuteIsNotTestable() {
    List<StratumScores> strata =
        List.of(
            new StratumScores("a", new int[] {0, 0, 0}, new double[][] {{1, 2, 3}}),
            new StratumScores("b", new int[] {1, 1}, new double[][] {{1, 5}}));
    ShiftStatistic statistic = new ShiftStatistic(strata, 2);
    assertThat(statistic.testable()).isFalse();
    DependenceResult result = DependenceResult.of(statistic, 99, new RowPermuter(1, "t", "s"));
    assertThat(result.testable()).isFalse();
    assertThat(result.p()).isNaN();
    assertThat(result.movableRows()).isZero();
  }

  @Test
  void nullMaximaAreAPureFunctionOfB() {
    ShiftStatistic statistic = new ShiftStatistic(goldenStrata(), 3);
    RowPermuter permuter = new RowPermuter(20260101L, "scanner", "pooled");
    double[] all = statistic.nullMaxima(1, 50, permuter);
    double[] tail = statistic.nullMaxima(31, 50, permuter);
    for (int b = 31; b <= 50; b++) {
      assertThat(tail[b - 31]).isEqualTo(all[b - 1]);
    }
  }

  @Test
  void rowPermuterKeepsEachStratumsClassesAndHasItsOwnStream() {
    List<StratumScores> strata = goldenStrata();
    RowPermuter permuter = new RowPermuter(3, "scanner", "pooled");
    int[][] permuted = permuter.permute(strata, 5);
    for (int s = 0; s < strata.size(); s++) {
      assertThat(permuted[s]).containsExactlyInAnyOrder(strata.get(s).classes());
    }
    assertThat(permuter.permute(strata, 5)).isDeepEqualTo(permuted);
    StratumScores a = strata.get(0);
    boolean same = true;
    for (int b = 1; b <= 20 && same; b++) {
      same =
          Arrays.equals(
              permuter.permute(strata, b)[0],
              Permutations.permuteLabels(a.classes(), 3, "scanner", "pooled", "a", b));
    }
    assertThat(same).as("the dependence stream differs from the WSC stream").isFalse();
  }

  /** sum_s w (mean_j - mean_not j) / (sum_s w * pooled sd), two loops per stratum. */
  private static double definition(List<StratumScores> strata, int c, int j) {
    double squares = 0;
    double freedom = 0;
    double numerator = 0;
    double weights = 0;
    for (StratumScores s : strata) {
      if (!s.varies()) {
        continue;
      }
      double in = 0;
      double out = 0;
      int nIn = 0;
      int nOut = 0;
      double mean = 0;
      for (int i = 0; i < s.rows(); i++) {
        double x = raw(s, c, i);
        mean += x / s.rows();
        if (s.classAt(i) == j) {
          in += x;
          nIn++;
        } else {
          out += x;
          nOut++;
        }
      }
      for (int i = 0; i < s.rows(); i++) {
        squares += Math.pow(raw(s, c, i) - mean, 2);
      }
      freedom += s.rows() - 1;
      if (nIn > 0 && nOut > 0) {
        double w = (double) nIn * nOut / s.rows();
        numerator += w * (in / nIn - out / nOut);
        weights += w;
      }
    }
    return weights == 0 ? 0 : numerator / (weights * Math.sqrt(squares / freedom));
  }

  /** Centred scores are all the stratum keeps; the definition is shift-invariant per stratum. */
  private static double raw(StratumScores s, int c, int i) {
    return s.centred(c, i);
  }
}
