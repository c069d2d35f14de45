package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.dependence.DependenceResult;
import org.wsca.dependence.ShiftStatistic;
import org.wsca.dependence.StratumPermuter;
import org.wsca.dependence.StratumScores;
import org.wsca.input.Canonical;

/**
 * The decision-dependence test of one (metadata task, scope) on Spark (docs/method.md, decision
 * dependence). Two steps:
 *
 * <ol>
 *   <li>The clinical scores (one per primary direction) are computed where the held-out rows live;
 *       only (stratum, sample_id, class, scores) travel to the driver (C + 1 numbers per held-out
 *       row, no embeddings), which groups them into strata by name, each in sample_id order. A
 *       task's audit scores them in its probe's presence pass instead ({@link #scored}), so no job
 *       of its own.
 *   <li>Permutations 1..B are split into slices; each task computes D_b of its slice over every
 *       stratum, generating permutation b of stratum s from (seed, task, scope, s, b) through the
 *       {@link StratumPermuter}. Work is spread over b, not over strata: a site scope has only as
 *       many strata as labels, and every D_b is then added up in one fixed stratum order, so the
 *       result is the same bit for bit on any cluster and any input partitioning.
 * </ol>
 *
 * B is run in steps of {@code step} permutations, one labelled Spark job each, with a progress line
 * after each.
 */
public final class DependencePass {
  private static final Logger LOG = LoggerFactory.getLogger(DependencePass.class);
  static final double PROGRESS_SECONDS = 10;

  private final SparkSession spark;
  private Dataset<Row> rows;
  private List<StratumRow> scoredRows;
  private double[][] directions;
  private int classes;
  private int permutations;
  private StratumPermuter permuter;
  private String description = "";
  private boolean patients;
  private int step = 1000;
  private double lastProgress;

  private DependencePass(SparkSession spark) {
    this.spark = spark;
  }

  public static DependencePass on(SparkSession spark) {
    return new DependencePass(spark);
  }

  /** Held-out rows with sample_id, features (ML vector), y (class index) and stratum. */
  public DependencePass rows(Dataset<Row> heldOut) {
    this.rows = heldOut;
    return this;
  }

  /**
   * Held-out rows already scored by {@link #scores} in another pass over them (the probe's presence
   * pass), so that no Spark job of this test scores them again; used instead of {@link #rows}.
   */
  DependencePass scored(List<StratumRow> heldOut) {
    this.scoredRows = List.copyOf(heldOut);
    return this;
  }

  /** The clinical head's directions (rows); score c of a row is directions[c] . features. */
  public DependencePass directions(double[][] primaryDirections) {
    this.directions = primaryDirections;
    return this;
  }

  public DependencePass classes(int metadataClasses) {
    this.classes = metadataClasses;
    return this;
  }

  public DependencePass permutations(int count, StratumPermuter stratumPermuter) {
    this.permutations = count;
    this.permuter = stratumPermuter;
    return this;
  }

  /**
   * Carries each row's patient (the canonical patient_id column) into its stratum, for a permuter
   * that moves whole patients ({@link org.wsca.dependence.BlockPermuter}).
   */
  public DependencePass withPatients(boolean readPatients) {
    this.patients = readPatients;
    return this;
  }

  /** Names the test in the Spark UI and the log, e.g. "task=scanner pooled". */
  public DependencePass describedAs(String testName) {
    this.description = testName;
    return this;
  }

  /** Permutations per Spark job (one progress line each). */
  public DependencePass step(int permutationsPerJob) {
    if (permutationsPerJob < 1) {
      throw new IllegalArgumentException("step is " + permutationsPerJob + "; it must be >= 1");
    }
    this.step = permutationsPerJob;
    return this;
  }

  public DependenceResult execute() {
    SparkPhase.label(spark, "decision dependence scores " + description);
    ShiftStatistic statistic = new ShiftStatistic(strata(), classes);
    if (!statistic.testable()) {
      return DependenceResult.of(statistic, new double[0]);
    }
    return DependenceResult.of(statistic, nulls(statistic), permuter.log10Assignments(statistic));
  }

  private List<StratumScores> strata() {
    return group(scoredRows != null ? scoredRows : scoreRows());
  }

  /** The strata of scored held-out rows: by name, each in sample_id order. */
  static List<StratumScores> group(List<StratumRow> scored) {
    Map<String, List<ScoredRow>> byStratum = new LinkedHashMap<>();
    for (StratumRow r : scored) {
      byStratum.computeIfAbsent(r.stratum(), k -> new ArrayList<>()).add(r.row());
    }
    List<StratumScores> strata = new ArrayList<>();
    byStratum.forEach((name, members) -> strata.add(stratum(name, members)));
    strata.sort(Comparator.comparing(StratumScores::name));
    return strata;
  }

  /** Scores {@link #rows} where they live; only the scores and what the strata need travel. */
  private List<StratumRow> scoreRows() {
    Broadcast<double[][]> shared = new JavaSparkContext(spark.sparkContext()).broadcast(directions);
    try {
      boolean withPatients = patients;
      return rows.select(
              col(TaskData.STRATUM),
              col(Canonical.SAMPLE_ID),
              col(TaskData.Y),
              col(HeadFitter.FEATURES),
              withPatients
                  ? col(Canonical.PATIENT_ID).cast("string")
                  : org.apache.spark.sql.functions.lit(null).cast("string"))
          .javaRDD()
          .map(r -> new StratumRow(r.getString(0), scored(r, shared.value())))
          .collect();
    } finally {
      shared.destroy();
    }
  }

  private double[] nulls(ShiftStatistic statistic) {
    JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
    Broadcast<ShiftStatistic> shared = jsc.broadcast(statistic);
    StratumPermuter stream = permuter;
    int slices = Math.max(1, spark.sparkContext().defaultParallelism());
    double[] nulls = new double[permutations];
    long start = System.nanoTime();
    try {
      for (int from = 1; from <= permutations; from += step) {
        int to = Math.min(permutations, from + step - 1);
        SparkPhase.label(
            spark,
            "decision dependence permutations "
                + from
                + "-"
                + to
                + "/"
                + permutations
                + " "
                + description);
        List<double[]> parts =
            jsc.parallelize(slices(from, to, slices), slices)
                .map(r -> shared.value().nullMaxima(r[0], r[1], stream))
                .collect();
        int at = from - 1;
        for (double[] part : parts) {
          System.arraycopy(part, 0, nulls, at, part.length);
          at += part.length;
        }
        progress(to, start);
      }
      return nulls;
    } finally {
      shared.destroy();
    }
  }

  /** A progress line at most every {@link #PROGRESS_SECONDS} s, and one when all are done. */
  private void progress(int done, long start) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (done < permutations && elapsed - lastProgress < PROGRESS_SECONDS) {
      return;
    }
    lastProgress = elapsed;
    LOG.info(
        String.format(
            "%s decision dependence permutations %d/%d done; elapsed %.1f s, ETA %.1f s",
            description, done, permutations, elapsed, elapsed / done * (permutations - done)));
  }

  /** from..to cut into at most {@code slices} contiguous, non-empty ranges, in order. */
  static List<int[]> slices(int from, int to, int slices) {
    int n = to - from + 1;
    int parts = Math.max(1, Math.min(slices, n));
    List<int[]> out = new ArrayList<>();
    int start = from;
    for (int k = 0; k < parts; k++) {
      int size = n / parts + (k < n % parts ? 1 : 0);
      out.add(new int[] {start, start + size - 1});
      start += size;
    }
    return out;
  }

  private static ScoredRow scored(Row r, double[][] directions) {
    double[] scores = scores(((Vector) r.get(3)).toArray(), directions);
    return new ScoredRow(r.getString(1), (int) r.getDouble(2), scores, r.getString(4));
  }

  /** Score c of {@code x} is directions[c] . x, summed in k order by every path. */
  static double[] scores(double[] x, double[][] directions) {
    double[] scores = new double[directions.length];
    for (int c = 0; c < directions.length; c++) {
      double s = 0;
      for (int k = 0; k < x.length; k++) {
        s += directions[c][k] * x[k];
      }
      scores[c] = s;
    }
    return scores;
  }

  /** The scores of the features column as an ML vector column, for a pass that collects rows. */
  static Column scores(double[][] directions) {
    UDF1<Vector, Vector> score = x -> Vectors.dense(scores(x.toArray(), directions));
    return udf(score, SQLDataTypes.VectorType()).apply(col(HeadFitter.FEATURES));
  }

  private static StratumScores stratum(String name, Iterable<ScoredRow> rows) {
    List<ScoredRow> sorted = new ArrayList<>();
    rows.forEach(sorted::add);
    sorted.sort(Comparator.comparing(ScoredRow::sampleId));
    int c = sorted.isEmpty() ? 0 : sorted.get(0).scores().length;
    int[] classes = new int[sorted.size()];
    double[][] scores = new double[c][sorted.size()];
    String[] patients = new String[sorted.size()];
    boolean withPatients = !sorted.isEmpty() && sorted.get(0).patientId() != null;
    for (int i = 0; i < sorted.size(); i++) {
      classes[i] = sorted.get(i).metadataClass();
      patients[i] = sorted.get(i).patientId();
      for (int k = 0; k < c; k++) {
        scores[k][i] = sorted.get(i).scores()[k];
      }
    }
    return new StratumScores(name, classes, scores, withPatients ? patients : null);
  }

  /** A held-out row scored in another pass, with the stratum it belongs to. */
  record StratumRow(String stratum, ScoredRow row) implements Serializable {}

  /** One held-out row on its way to its stratum: no embedding, only what the statistic reads. */
  record ScoredRow(String sampleId, int metadataClass, double[] scores, String patientId)
      implements Serializable {}
}
