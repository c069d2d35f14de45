package org.wsca.dependence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Held-out clinical scores built in code for the seeded tests of the decision-dependence test: rows
 * with a label, a site and a metadata class, and {@code scores} clinical scores per row.
 *
 * <p>Score c of a row is label effect + site effect + N(0, 1) noise, plus {@code shift} on score 0
 * for rows of metadata class 0: {@code shift} is in units of the noise sd, the "the metadata moves
 * the clinical logit by shift sd" of the validation table. The scores are independent across c,
 * which makes the max over c and j a little harder to beat than the demo's centred (correlated)
 * class scores: power measured here is, if anything, an underestimate.
 *
 * @param rows held-out rows
 * @param labels primary classes (strata are label x site)
 * @param sites sites
 * @param classes metadata classes
 * @param association probability that a row's metadata class is its label's favoured class (label
 *     mod classes) rather than uniform: 0 = independent of the label (balanced design), 0.6 = about
 *     the demo's biased design (658 of 958 rows from one scanner)
 */
record Simulated(
    int rows, int labels, int sites, int classes, int scores, double association, double shift) {

  /** The demo's held-out size: about 20 % of 3,600 rows, 4 planes x 3 sites, 3 scanners. */
  static Simulated demo(double association, double shift) {
    return new Simulated(720, 4, 3, 3, 4, association, shift);
  }

  /** The strata of replicate {@code seed}, sorted by name. */
  List<StratumScores> draw(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] labelEffect = effects(rng, labels, 2.0);
    double[][] siteEffect = effects(rng, sites, 1.0);
    List<List<double[]>> cells = new ArrayList<>();
    List<List<Integer>> cellClasses = new ArrayList<>();
    for (int s = 0; s < labels * sites; s++) {
      cells.add(new ArrayList<>());
      cellClasses.add(new ArrayList<>());
    }
    for (int i = 0; i < rows; i++) {
      int label = rng.nextInt(labels);
      int site = rng.nextInt(sites);
      int j = rng.nextDouble() < association ? label % classes : rng.nextInt(classes);
      double[] score = new double[scores];
      for (int c = 0; c < scores; c++) {
        score[c] = labelEffect[label][c] + siteEffect[site][c] + rng.nextGaussian();
      }
      if (j == 0) {
        score[0] += shift;
      }
      cells.get(label * sites + site).add(score);
      cellClasses.get(label * sites + site).add(j);
    }
    List<StratumScores> out = new ArrayList<>();
    for (int s = 0; s < cells.size(); s++) {
      out.add(
          stratum(
              String.format("l%02d|s%02d", s / sites, s % sites),
              cells.get(s),
              cellClasses.get(s)));
    }
    return out;
  }

  /** p of replicate {@code seed} with B permutations. */
  double pValue(long seed, int permutations) {
    return result(seed, permutations).p();
  }

  /** The test's D and p on replicate {@code seed} with B permutations. */
  DependenceResult result(long seed, int permutations) {
    ShiftStatistic statistic = new ShiftStatistic(draw(seed), classes);
    return DependenceResult.of(statistic, permutations, new RowPermuter(seed, "task", "pooled"));
  }

  private StratumScores stratum(String name, List<double[]> rows, List<Integer> classList) {
    int[] classesOf = classList.stream().mapToInt(Integer::intValue).toArray();
    double[][] columns = new double[scores][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < scores; c++) {
        columns[c][i] = rows.get(i)[c];
      }
    }
    return new StratumScores(name, classesOf, columns);
  }

  private double[][] effects(SplittableRandom rng, int count, double scale) {
    double[][] out = new double[count][scores];
    for (int k = 0; k < count; k++) {
      for (int c = 0; c < scores; c++) {
        out[k][c] = scale * rng.nextGaussian();
      }
    }
    return out;
  }
}
