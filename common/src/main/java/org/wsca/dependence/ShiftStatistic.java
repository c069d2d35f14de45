package org.wsca.dependence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decision-dependence statistic (docs/method.md section 11). For clinical score c and metadata
 * class j, the Mantel-Haenszel-weighted shift of the score between class-j rows and the other rows
 * of the same stratum,
 *
 * <pre>
 *   shift[c][j] = sum_s w_sj (mean_s,j - mean_s,not j) / (sum_s w_sj * sd_c),  w_sj = n_sj (n_s - n_sj) / n_s,
 * </pre>
 *
 * in units of sd_c, the pooled within-stratum standard deviation of score c; D = max |shift[c][j]|.
 * Since w_sj (mean_s,j - mean_s,not j) = sum over the class-j rows of s of (score - mean_s), the
 * numerator is a sum of stratum-centred scores over the rows a permutation assigns to class j, and
 * the weights and sd_c do not change under within-stratum permutation: one permutation costs one
 * pass of additions over the rows, no refit. Only strata where the metadata varies carry
 * information; the others are left out of the weights, sd_c and the sums. Pure: no Spark.
 */
public final class ShiftStatistic implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<StratumScores> strata;
  private final int numClasses;
  private final int numScores;
  private final double[] weights;
  private final double[] sd;
  private final long rows;

  /**
   * @param strata the strata in a fixed order (by name): the sums are added in this order, so the
   *     result is the same on any cluster
   * @param numClasses the metadata classes J
   */
  public ShiftStatistic(List<StratumScores> strata, int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("Decision dependence needs >= 2 metadata classes");
    }
    this.strata = varying(strata);
    this.numClasses = numClasses;
    this.numScores = strata.isEmpty() ? 0 : strata.get(0).scores();
    this.weights = new double[numClasses];
    double[] squares = new double[numScores];
    long n = 0;
    long freedom = 0;
    for (StratumScores s : this.strata) {
      requireScores(s);
      long[] counts = s.classCounts(numClasses);
      for (int j = 0; j < numClasses; j++) {
        weights[j] += (double) counts[j] * (s.rows() - counts[j]) / s.rows();
      }
      for (int c = 0; c < numScores; c++) {
        squares[c] += s.sumOfSquares(c);
      }
      n += s.rows();
      freedom += s.rows() - 1;
    }
    this.rows = n;
    this.sd = new double[numScores];
    for (int c = 0; c < numScores; c++) {
      sd[c] = freedom > 0 ? Math.sqrt(squares[c] / freedom) : 0.0;
    }
  }

  /** True when some stratum holds two metadata classes: otherwise nothing can be permuted. */
  public boolean testable() {
    return rows > 0;
  }

  /** Rows in strata where the metadata varies: the rows a permutation can move. */
  public long movableRows() {
    return rows;
  }

  /** Strata where the metadata varies. */
  public int movableStrata() {
    return strata.size();
  }

  /** The strata where the metadata varies, by name: the ones permutations move. */
  List<StratumScores> strata() {
    return strata;
  }

  /** The Mantel-Haenszel weight sum_s n_sj (n_s - n_sj) / n_s of each metadata class. */
  public double[] weights() {
    return weights.clone();
  }

  /** The pooled within-stratum sd of each clinical score. */
  public double[] scoreSd() {
    return sd.clone();
  }

  /**
   * log10 of the number of distinct within-stratum class assignments, prod_s n_s! / prod_j n_sj!:
   * below log10(1 / alpha) no permutation p-value can reach alpha.
   */
  public double log10Assignments() {
    double ln = 0;
    for (StratumScores s : strata) {
      ln += lnFactorial(s.rows());
      for (long count : s.classCounts(numClasses)) {
        ln -= lnFactorial(count);
      }
    }
    return ln / Math.log(10);
  }

  /** shift[c][j] for the observed classes. */
  public double[][] observed() {
    double[] sums = new double[numScores * numClasses];
    for (StratumScores s : strata) {
      add(sums, s, s.classes());
    }
    return shifts(sums);
  }

  /** D_b = max |shift| under permutations from..to (inclusive, b >= 1), in order. */
  public double[] nullMaxima(int from, int to, StratumPermuter permuter) {
    if (from < 1 || to < from - 1) {
      throw new IllegalArgumentException("Permutations " + from + ".." + to + " are not b >= 1");
    }
    double[] out = new double[to - from + 1];
    double[] sums = new double[numScores * numClasses];
    for (int b = from; b <= to; b++) {
      Arrays.fill(sums, 0.0);
      int[][] permuted = permuter.permute(strata, b);
      for (int s = 0; s < strata.size(); s++) {
        add(sums, strata.get(s), permuted[s]);
      }
      out[b - from] = maxAbs(shifts(sums));
    }
    return out;
  }

  /** max over c, j of |shift[c][j]|. */
  public static double maxAbs(double[][] shifts) {
    double max = 0;
    for (double[] row : shifts) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  private void add(double[] sums, StratumScores s, int[] classes) {
    for (int i = 0; i < classes.length; i++) {
      int j = classes[i];
      for (int c = 0; c < numScores; c++) {
        sums[c * numClasses + j] += s.centred(c, i);
      }
    }
  }

  /** A class that never shares a stratum with another (w_j = 0) or a constant score: shift 0. */
  private double[][] shifts(double[] sums) {
    double[][] out = new double[numScores][numClasses];
    for (int c = 0; c < numScores; c++) {
      for (int j = 0; j < numClasses; j++) {
        double scale = weights[j] * sd[c];
        out[c][j] = scale > 0 ? sums[c * numClasses + j] / scale : 0.0;
      }
    }
    return out;
  }

  private void requireScores(StratumScores s) {
    if (s.scores() != numScores) {
      throw new IllegalArgumentException(
          "Stratum " + s.name() + " has " + s.scores() + " scores; expected " + numScores);
    }
  }

  private static List<StratumScores> varying(List<StratumScores> strata) {
    List<StratumScores> out = new ArrayList<>();
    for (StratumScores s : strata) {
      if (s.varies()) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private static double lnFactorial(long n) {
    double ln = 0;
    for (long k = 2; k <= n; k++) {
      ln += Math.log(k);
    }
    return ln;
  }
}
