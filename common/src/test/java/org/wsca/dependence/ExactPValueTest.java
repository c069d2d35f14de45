package org.wsca.dependence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo p-value against the exact one: three small strata whose every within-stratum
 * assignment of the two metadata classes is enumerated (C(6,2) * C(5,2) * C(6,3) = 15 * 10 * 20 =
 * 3,000 assignments, the observed one included). With B = 20,000 uniformly random permutations,
 * p_MC = (1 + #{D_b >= D}) / (B + 1) has mean within 1/B of p_exact and sd sqrt(p(1 - p) / B) <=
 * 0.0036; the bound 4 sd + 1/B fails with probability below 1e-4 for a correct permutation stream.
 */
class ExactPValueTest {
  private static final int B = 20_000;

  @Test
  void monteCarloPValueIsCloseToTheEnumeratedOne() {
    List<StratumScores> strata =
        List.of(
            new StratumScores(
                "a",
                new int[] {1, 0, 0, 1, 0, 0},
                new double[][] {{0.9, 0.1, -0.3, 1.2, 0.4, -0.8}}),
            new StratumScores(
                "b", new int[] {0, 1, 0, 0, 1}, new double[][] {{2.0, 2.6, 1.1, 1.9, 1.8}}),
            new StratumScores(
                "c",
                new int[] {1, 1, 0, 0, 1, 0},
                new double[][] {{-1.0, 0.2, -0.9, -0.1, -0.2, -1.4}}));
    ShiftStatistic statistic = new ShiftStatistic(strata, 2);
    double observed = ShiftStatistic.maxAbs(statistic.observed());
    double exact = exactP(strata, observed);
    double monteCarlo =
        DependenceResult.of(statistic, B, new RowPermuter(99, "scanner", "pooled")).p();
    double tolerance = 4 * Math.sqrt(exact * (1 - exact) / B) + 1.0 / B;
    assertThat(exact).isBetween(0.01, 0.5);
    assertThat(Math.abs(monteCarlo - exact)).isLessThanOrEqualTo(tolerance);
  }

  private static double exactP(List<StratumScores> strata, double observed) {
    List<List<int[]>> choices = new ArrayList<>();
    for (StratumScores s : strata) {
      choices.add(arrangements(s.rows(), (int) s.classCounts(2)[1]));
    }
    int[] at = new int[strata.size()];
    long atLeast = 0;
    long total = 0;
    while (true) {
      List<StratumScores> assigned = new ArrayList<>();
      for (int k = 0; k < strata.size(); k++) {
        StratumScores s = strata.get(k);
        double[][] scores = new double[1][s.rows()];
        for (int i = 0; i < s.rows(); i++) {
          scores[0][i] = s.centred(0, i);
        }
        assigned.add(new StratumScores(s.name(), choices.get(k).get(at[k]), scores));
      }
      double d = ShiftStatistic.maxAbs(new ShiftStatistic(assigned, 2).observed());
      atLeast += d >= observed - 1e-12 ? 1 : 0;
      total++;
      int k = 0;
      while (k < at.length && ++at[k] == choices.get(k).size()) {
        at[k++] = 0;
      }
      if (k == at.length) {
        return (double) atLeast / total;
      }
    }
  }

  /** Every 0/1 vector of length n with {@code ones} ones. */
  private static List<int[]> arrangements(int n, int ones) {
    List<int[]> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << n; mask++) {
      if (Integer.bitCount(mask) == ones) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = (mask >> i) & 1;
        }
        out.add(v);
      }
    }
    return out;
  }
}
