package org.wsca.dependence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.wsca.demo.ValidationData;
import org.wsca.math.MultipleTesting;
import org.wsca.math.SplitAssigner;
import org.wsca.study.Wilson;

/**
 * The decision-dependence part of issue 12's validation at many replicates, without Spark: for each
 * seeded {@link ValidationData} set (k images per patient, 3,600 images, d = 64) it does what the
 * audit does with a supplied head, on the same rows: the test split by patient hash (20 %), the
 * supplied head's two centred scores, strata (label, site), whole patients permuted ({@link
 * BlockPermuter}, B permutations), BH over the data set's tested columns (one confounder family),
 * and the use rule q <= 0.05 and D >= minShift. It leaves out what needs fitted heads: presence
 * (the noise columns would be NOT_ENCODED in an audit) and WSC. A measurement, not a test: {@code
 * java ... ValidationMeasurement replicates B minShift imagesPerPatient [firstSeed] [list] [all]}.
 * Data set r uses seed firstSeed + r (default 100,000) for the data, the split and the
 * permutations, as the calibration job's data set with that seed does; with {@code list} the
 * per-column D, p and q of every data set are printed ("seed column D p q"), to compare with the
 * tests tables of the audits of those seeds (the study's datasets.csv); with {@code all} every row
 * is scored, as {@code dependence.rows = all} does for a supplied head.
 */
final class ValidationMeasurement {
  private static final double ALPHA = 0.05;

  private ValidationMeasurement() {}

  public static void main(String[] args) {
    int replicates = Integer.parseInt(args[0]);
    int permutations = Integer.parseInt(args[1]);
    double minShift = Double.parseDouble(args[2]);
    int k = Integer.parseInt(args[3]);
    long firstSeed = 100_000L;
    boolean list = false;
    boolean allRows = false;
    for (int a = 4; a < args.length; a++) {
      switch (args[a]) {
        case "list" -> list = true;
        case "all" -> allRows = true;
        default -> firstSeed = Long.parseLong(args[a]);
      }
    }
    List<String> columns = ValidationData.metadataColumns();
    int m = columns.size();
    int[] rejected = new int[m];
    int[] claimed = new int[m];
    int[] tested = new int[m];
    double[] sumP = new double[m];
    double[] sumD = new double[m];
    int[][] pBins = new int[m][4];
    double[] edges = {0.05, 0.1, 0.2, 0.5};
    for (int r = 0; r < replicates; r++) {
      long seed = firstSeed + r;
      ValidationData data =
          new ValidationData(3600, k, 64, 3, seed, ValidationData.Strengths.defaults());
      double[] w = data.logitWeights();
      List<ValidationData.Image> test = new ArrayList<>();
      for (long i = 0; i < data.rows(); i++) {
        ValidationData.Image im = data.row(i);
        if (allRows || SplitAssigner.isTest(im.patientId(), seed, 0.2)) {
          test.add(im);
        }
      }
      double[] p = new double[m];
      double[] d = new double[m];
      List<Integer> done = new ArrayList<>();
      for (int c = 0; c < m; c++) {
        ShiftStatistic statistic = new ShiftStatistic(strata(test, w, c), c == 4 ? 3 : 2);
        if (!statistic.testable()) {
          continue;
        }
        DependenceResult result =
            DependenceResult.of(
                statistic, permutations, new BlockPermuter(seed, columns.get(c), "pooled"));
        p[c] = result.p();
        d[c] = result.d();
        done.add(c);
      }
      double[] family = new double[done.size()];
      for (int i = 0; i < family.length; i++) {
        family[i] = p[done.get(i)];
      }
      double[] q = MultipleTesting.benjaminiHochberg(family);
      for (int i = 0; i < family.length; i++) {
        int c = done.get(i);
        if (list) {
          System.out.printf("%d %s %s %s %s%n", seed, columns.get(c), d[c], p[c], q[i]);
        }
        tested[c]++;
        sumP[c] += p[c];
        sumD[c] += d[c];
        rejected[c] += p[c] <= ALPHA ? 1 : 0;
        claimed[c] += q[i] <= ALPHA && d[c] >= minShift ? 1 : 0;
        for (int e = 0; e < edges.length; e++) {
          pBins[c][e] += p[c] <= edges[e] ? 1 : 0;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "k = %d, %d data sets, B = %d, min shift %.2f, rows %s%n",
        k,
        replicates,
        permutations,
        minShift,
        allRows ? "all (dependence.rows = all)" : "test split");
    for (int c = 0; c < m; c++) {
      int n = tested[c];
      if (n == 0) {
        System.out.printf("%-17s never testable%n", columns.get(c));
        continue;
      }
      Wilson ci = Wilson.of95(rejected[c], n);
      System.out.printf(
          Locale.ROOT,
          "%-17s tested %d; p<=0.05 %d = %.3f [%.3f, %.3f]; share p<=.05/.1/.2/.5 %.3f/%.3f/%.3f/%.3f;"
              + " mean p %.3f; mean D %.3f; use rule %d = %.3f [%.3f, %.3f]%n",
          columns.get(c),
          n,
          rejected[c],
          (double) rejected[c] / n,
          ci.low(),
          ci.high(),
          (double) pBins[c][0] / n,
          (double) pBins[c][1] / n,
          (double) pBins[c][2] / n,
          (double) pBins[c][3] / n,
          sumP[c] / n,
          sumD[c] / n,
          claimed[c],
          (double) claimed[c] / n,
          Wilson.of95(claimed[c], n).low(),
          Wilson.of95(claimed[c], n).high());
    }
  }

  /** The test rows of (label, site) cells, sorted by name, rows in sample_id order. */
  private static List<StratumScores> strata(
      List<ValidationData.Image> test, double[] w, int column) {
    Map<String, List<ValidationData.Image>> cells = new TreeMap<>();
    for (ValidationData.Image im : test) {
      cells
          .computeIfAbsent(
              ValidationData.LABELS.get(im.label()) + "|site" + (char) ('A' + im.site()),
              x -> new ArrayList<>())
          .add(im);
    }
    List<StratumScores> out = new ArrayList<>();
    for (Map.Entry<String, List<ValidationData.Image>> cell : cells.entrySet()) {
      List<ValidationData.Image> rows = cell.getValue();
      int[] classes = new int[rows.size()];
      double[][] scores = new double[2][rows.size()];
      String[] patients = new String[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        ValidationData.Image im = rows.get(i);
        classes[i] = im.metadata()[column];
        double logit = 0;
        for (int j = 0; j < w.length; j++) {
          logit += w[j] * im.embedding()[j];
        }
        scores[0][i] = -logit / 2;
        scores[1][i] = logit / 2;
        patients[i] = im.patientId();
      }
      out.add(new StratumScores(cell.getKey(), classes, scores, patients));
    }
    return out;
  }
}
