package org.wsca.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wsca.demo.DemoData;
import org.wsca.dependence.ShiftStatistic;
import org.wsca.dependence.StratumScores;

/**
 * The true decision-dependence shift D of an audit's fitted pooled probe: its centred class logits
 * on a large fresh sample of the same demo distribution (same seed, so the same directions, new
 * noise), with every row scored. The audit estimates D on about 700 held-out rows; this is the
 * quantity that estimate aims at, so a verdict can be checked against the truth.
 */
final class ProbeTrueShift {
  private ProbeTrueShift() {}

  static double of(SparkSession spark, String auditOutput, DemoData freshSample) {
    return of(
        spark,
        auditOutput,
        freshSample.generate(spark, 4).collectAsList(),
        "plane",
        "scanner",
        DemoData.SCANNERS);
  }

  /**
   * The same for any fresh rows: strata are (label, site), the metadata classes are {@code classes}
   * (each row's value must be one of them).
   */
  static double of(
      SparkSession spark,
      String auditOutput,
      List<Row> fresh,
      String label,
      String metadata,
      List<String> classes) {
    double[][] w = pooledProbe(spark, auditOutput);
    Map<String, List<Row>> cells = new TreeMap<>();
    for (Row r : fresh) {
      String cell = r.getAs(label) + "|" + r.getAs("site");
      cells.computeIfAbsent(cell, k -> new ArrayList<>()).add(r);
    }
    List<StratumScores> strata = new ArrayList<>();
    cells.forEach((name, rows) -> strata.add(stratum(name, rows, w, metadata, classes)));
    return ShiftStatistic.maxAbs(new ShiftStatistic(strata, classes.size()).observed());
  }

  private static StratumScores stratum(
      String name, List<Row> rows, double[][] w, String metadata, List<String> classes) {
    int[] metadataClass = new int[rows.size()];
    double[][] scores = new double[w.length][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      metadataClass[i] = classes.indexOf(r.<String>getAs(metadata));
      List<Number> x = r.getList(r.fieldIndex("embedding"));
      double[] logits = new double[w.length];
      double mean = 0;
      for (int c = 0; c < w.length; c++) {
        for (int j = 0; j < x.size(); j++) {
          logits[c] += w[c][j] * x.get(j).doubleValue();
        }
        mean += logits[c] / w.length;
      }
      for (int c = 0; c < w.length; c++) {
        scores[c][i] = logits[c] - mean;
      }
    }
    return new StratumScores(name, metadataClass, scores);
  }

  /** The pooled primary probe's coefficients (raw space: projection.fit-space = full). */
  private static double[][] pooledProbe(SparkSession spark, String auditOutput) {
    Row head =
        spark
            .read()
            .parquet(auditOutput + "/heads")
            .filter("scope = 'pooled' AND task = 'primary' AND fit_space = 'full'")
            .first();
    List<Object> rows = head.getList(head.fieldIndex("coefficients"));
    double[][] w = new double[rows.size()][];
    for (int c = 0; c < w.length; c++) {
      List<Object> row =
          scala.collection.JavaConverters.seqAsJavaListConverter(
                  (scala.collection.Seq<Object>) rows.get(c))
              .asJava();
      w[c] = row.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }
    return w;
  }
}
