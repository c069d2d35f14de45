package org.wsca.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wsca.audit.Audit;
import org.wsca.audit.PhaseTimes;
import org.wsca.result.AuditResult;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;

/**
 * The library API for notebooks and pipelines: audits a Dataset already in memory (one row per
 * image, in the input layout of the README; column names and tasks from {@code settings}) and
 * returns the result tables as Datasets. {@link #audit} writes nothing; {@link #auditAndCommit}
 * also commits the tables, report, summary.json and history to {@code output.root} like the audit
 * job.
 *
 * <pre>{@code
 * Settings settings = SettingsLoader.load(Optional.of(Path.of("conf/audit.conf")), List.of());
 * ResultDatasets r = new DatasetAudit(spark, settings).audit(embeddings);
 * r.tests().select("task", "scope", "t", "p", "q", "verdict").show();
 * }</pre>
 */
public final class DatasetAudit {
  private final SparkSession spark;
  private final Settings settings;

  public DatasetAudit(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  /**
   * Settings from a HOCON file ({@code ""} for none) and {@code key=value} overrides, validated as
   * the audit job's are; the convenient form for Scala and PySpark (through the JVM gateway).
   */
  public static DatasetAudit withSettings(
      SparkSession spark, String configFile, List<String> overrides) {
    Optional<Path> file =
        configFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(configFile));
    return new DatasetAudit(spark, SettingsLoader.load(file, overrides));
  }

  /**
   * Audits {@code rows} and returns the tables; nothing is written. The Datasets are built from the
   * driver's results, except {@code rejects}, which stays a view of {@code rows}.
   */
  public ResultDatasets audit(Dataset<Row> rows) {
    String runId = settings.output().runId().isEmpty() ? "in-memory" : settings.output().runId();
    Audit audit = new Audit(spark, settings, runId, new PhaseTimes()).rows(rows);
    try {
      AuditResult result = audit.compute("");
      return ResultDatasets.of(spark, settings, result, audit.input().rejects());
    } finally {
      audit.release();
    }
  }

  /** Audits {@code rows} and commits the results as the audit job does; returns the tables. */
  public ResultDatasets auditAndCommit(Dataset<Row> rows) {
    AuditResult result = new AuditRun(spark, settings).rows(rows).execute();
    String path = result.outputPath();
    return new ResultDatasets(
        result,
        spark.read().parquet(path + "/tests"),
        spark.read().parquet(path + "/nulls"),
        spark.read().parquet(path + "/heads"),
        spark.read().parquet(path + "/wsc"),
        spark.read().parquet(path + "/pca"),
        spark.read().parquet(path + "/rejects"));
  }
}
