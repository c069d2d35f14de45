package org.wsca.output;

import static org.apache.spark.sql.functions.col;
import static org.wsca.output.TableColumns.field;
import static org.wsca.output.TableColumns.frame;
import static org.wsca.output.TableColumns.orNull;
import static org.wsca.output.TableColumns.schema;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.result.TestOutcome;

/**
 * The {@code history} table at {@code <root>/history}: one Parquet file per committed run, {@code
 * <run-id>.parquet}, with one row per test. A run's file is written only as part of its commit, and
 * a re-run of the same run id replaces its file, so the table never holds a failed run. During a
 * re-run's commit the new file stands beside the old one for a moment (never neither), so a reader
 * keeps, per run id, the rows with the latest {@code finished_at}, as {@link #previousRuns} does.
 * Read it whole with {@code spark.read.parquet(<root>/history)}.
 */
public final class History {
  private static final Logger LOG = LoggerFactory.getLogger(History.class);
  public static final String TABLE = "history";
  private static final String SUFFIX = ".parquet";
  private static final DateTimeFormatter FINISHED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static final StructType SCHEMA =
      schema(
          field("run_id", DataTypes.StringType),
          field("finished_at", DataTypes.StringType),
          field("task", DataTypes.StringType),
          field("scope", DataTypes.StringType),
          field("t", DataTypes.DoubleType),
          field("p", DataTypes.DoubleType),
          field("q", DataTypes.DoubleType),
          field("verdict", DataTypes.StringType));

  private History() {}

  /** {@code finishedAt} in the table's fixed-width UTC form, which sorts as text in time order. */
  public static String timestamp(Instant finishedAt) {
    return FINISHED_AT.format(finishedAt);
  }

  /** One row per test of a run; T, p and q are NaN for tests that did not run. */
  public static List<HistoryRow> rows(String runId, Instant finishedAt, List<TestOutcome> tests) {
    List<HistoryRow> rows = new ArrayList<>();
    for (TestOutcome t : tests) {
      rows.add(
          new HistoryRow(
              runId,
              timestamp(finishedAt),
              t.task(),
              t.scope(),
              t.t(),
              t.p(),
              t.q(),
              t.verdict().name()));
    }
    return rows;
  }

  /**
   * Writes a run's rows as the single Parquet file {@code file} (in the run's staging folder); the
   * commit moves it to {@code <root>/history/<run-id>.parquet}, replacing that run's earlier rows.
   * Writes nothing when there are no rows: the commit then removes the earlier rows.
   */
  public static void stage(SparkSession spark, String file, List<HistoryRow> rows)
      throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    Path target = new Path(file);
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Path writing = new Path(target.getParent(), "_writing-history-" + UUID.randomUUID());
    try {
      if (!fs.rename(writeOneFile(spark, fs, rows, writing), target)) {
        throw new IOException("Cannot move the history file to " + target);
      }
    } finally {
      fs.delete(writing, true);
    }
  }

  /**
   * The rows of the last {@code runs} committed runs by {@code finished_at}, leaving out {@code
   * excludingRunId} (the current run); oldest run first, then by task and scope. Empty when there
   * is no history yet.
   */
  public static List<HistoryRow> previousRuns(
      SparkSession spark, String outputRoot, String excludingRunId, int runs) {
    Path table = new Path(outputRoot, TABLE);
    try {
      FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(table)) {
        return List.of();
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the history table " + table + ": " + e.getMessage(), e);
    }
    Dataset<Row> history = spark.read().schema(SCHEMA).parquet(table.toString());
    Map<String, String> finishedAt = runTimes(history);
    List<String> chosen = lastRuns(finishedAt, excludingRunId, runs);
    if (chosen.isEmpty()) {
      return List.of();
    }
    List<HistoryRow> rows = new ArrayList<>();
    for (Row r : history.filter(col("run_id").isin(chosen.toArray())).collectAsList()) {
      if (!r.getString(1).equals(finishedAt.get(r.getString(0)))) {
        continue; // the replaced rows of a run whose re-run is committing right now
      }
      rows.add(
          new HistoryRow(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              number(r, 4),
              number(r, 5),
              number(r, 6),
              r.getString(7)));
    }
    rows.sort(
        Comparator.comparing((HistoryRow h) -> chosen.indexOf(h.runId()))
            .thenComparing(HistoryRow::task)
            .thenComparing(HistoryRow::scope));
    return rows;
  }

  /**
   * The run ids of the last {@code runs} runs by finishing time, oldest first, without {@code
   * excluding}; ties in time are broken by run id.
   */
  static List<String> lastRuns(Map<String, String> finishedAtByRun, String excluding, int runs) {
    List<Map.Entry<String, String>> ordered = new ArrayList<>(finishedAtByRun.entrySet());
    ordered.removeIf(e -> e.getKey().equals(excluding));
    ordered.sort(
        Comparator.comparing((Map.Entry<String, String> e) -> Instant.parse(e.getValue()))
            .thenComparing(Map.Entry::getKey));
    List<String> ids = ordered.stream().map(Map.Entry::getKey).toList();
    return ids.subList(Math.max(0, ids.size() - runs), ids.size());
  }

  private static Map<String, String> runTimes(Dataset<Row> history) {
    Map<String, String> times = new java.util.HashMap<>();
    for (Row r : history.select("run_id", "finished_at").distinct().collectAsList()) {
      times.merge(r.getString(0), r.getString(1), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    return times;
  }

  /**
   * Writes {@code rows} as one Parquet file in the new folder {@code writing}; returns the file.
   */
  private static Path writeOneFile(
      SparkSession spark, FileSystem fs, List<HistoryRow> rows, Path writing) throws IOException {
    frame(spark, SCHEMA, rows, History::toRow).coalesce(1).write().parquet(writing.toString());
    return onlyDataFile(fs, writing);
  }

  private static Row toRow(HistoryRow h) {
    return RowFactory.create(
        h.runId(),
        h.finishedAt(),
        h.task(),
        h.scope(),
        orNull(h.t()),
        orNull(h.p()),
        orNull(h.q()),
        h.verdict());
  }

  private static Path onlyDataFile(FileSystem fs, Path folder) throws IOException {
    List<Path> parts = new ArrayList<>();
    for (FileStatus s : fs.listStatus(folder)) {
      String name = s.getPath().getName();
      if (name.startsWith("part-") && name.endsWith(SUFFIX)) {
        parts.add(s.getPath());
      }
    }
    if (parts.size() != 1) {
      throw new IOException("Expected one Parquet file in " + folder + ", found " + parts);
    }
    return parts.get(0);
  }

  private static double number(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }
}
