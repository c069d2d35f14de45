package org.wsca.run;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.audit.Audit;
import org.wsca.audit.MethodNotes;
import org.wsca.audit.PhaseTimes;
import org.wsca.audit.ShortcutGate;
import org.wsca.audit.SparkPhase;
import org.wsca.audit.Versions;
import org.wsca.blas.Blas;
import org.wsca.blas.BlasCensus;
import org.wsca.blas.Blases;
import org.wsca.blas.ExecutorBlas;
import org.wsca.errors.Crash;
import org.wsca.input.ValidatedInput;
import org.wsca.output.History;
import org.wsca.output.HistoryRow;
import org.wsca.output.Manifest;
import org.wsca.output.OutputCheck;
import org.wsca.output.RunCommitter;
import org.wsca.output.RunLease;
import org.wsca.output.RunSummary;
import org.wsca.report.ReportInput;
import org.wsca.report.RunReport;
import org.wsca.result.AuditResult;
import org.wsca.settings.Settings;

/**
 * One audit run, end to end, holding the run id's lease: compute the {@link Audit}, write every
 * table, the report and the run's history rows to staging, then commit them in one journalled step
 * and drop its persisted permutation chunks. {@link #execute()} returns the immutable result.
 */
public final class AuditRun {
  private static final Logger LOG = LoggerFactory.getLogger(AuditRun.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final Settings settings;
  private final String runId;
  private final PhaseTimes phases = new PhaseTimes();
  private List<ExecutorBlas> executorBlas = List.of();
  private String driverBlas = "";
  private RunCommitter.Hook commitHook = step -> {};
  private String submission;
  private Dataset<Row> rows;

  public AuditRun(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
    this.runId =
        settings.output().runId().isEmpty()
            ? RUN_ID.format(Instant.now())
            : settings.output().runId();
  }

  /** A test seam: called after each step of the commit (kill points). */
  public AuditRun commitHook(RunCommitter.Hook hook) {
    this.commitHook = hook;
    return this;
  }

  /**
   * Records {@code token} in summary.json, so that whoever submitted the run (submit/wsca-submit in
   * cluster mode) can tell its own run's summary from an earlier one of the same run id.
   */
  public AuditRun submission(String token) {
    this.submission = token;
    return this;
  }

  /**
   * Audits {@code rows}, a Dataset in the input layout already in memory, instead of reading
   * input.paths (the library API, {@link DatasetAudit}). Its permutation chunks are not kept for a
   * resume: there are no input files to fingerprint.
   */
  public AuditRun rows(Dataset<Row> rows) {
    this.rows = rows;
    return this;
  }

  public AuditResult execute() {
    Instant started = Instant.now();
    var hadoop = spark.sparkContext().hadoopConfiguration();
    // Before anything is read or written: the output can take results, and no live run has the id.
    OutputCheck.require(hadoop, settings.output().root(), settings.input().paths());
    try (RunLease lease =
        RunLease.acquire(
            hadoop,
            settings.output().root(),
            runId,
            spark.sparkContext().applicationId(),
            settings.output().leaseStaleAfter())) {
      RunCommitter committer =
          new RunCommitter(hadoop, settings.output().root(), runId)
              .hook(step -> checkLeaseThen(lease, step));
      return executeHolding(committer, started);
    }
  }

  private void checkLeaseThen(RunLease lease, RunCommitter.Step step) throws IOException {
    if (step == RunCommitter.Step.STAGED) {
      lease.requireHeld(); // the last moment before the commit is decided
    }
    commitHook.reached(step);
  }

  private AuditResult executeHolding(RunCommitter committer, Instant started) {
    Audit audit = new Audit(spark, settings, runId, phases);
    if (rows != null) {
      audit.rows(rows);
    }
    try {
      committer.recover();
      recordBlas();
      AuditResult result = audit.compute(committer.finalPath());
      phases.timed(
          "write",
          () -> {
            write(committer, result, audit.input(), started);
            return null;
          });
      History.stage(
          spark, committer.stagedHistory(), History.rows(runId, Instant.now(), result.tests()));
      committer.commit();
      audit.chunks().delete();
      return result;
    } catch (Throwable e) {
      committer.abort();
      throw Crash.forUser(e, settings.output().root());
    } finally {
      // A session may run many audits (the calibration study): free this run's cached rows.
      audit.release();
    }
  }

  private void write(
      RunCommitter committer, AuditResult result, ValidatedInput input, Instant started) {
    SparkPhase.label(spark, "write results");
    LOG.info(
        "Spark configuration (secrets redacted): {}",
        SparkConfLine.of(Manifest.redactedSparkConf(spark)));
    ResultDatasets tables = ResultDatasets.of(spark, settings, result, input.rejects());
    int parts = settings.output().resultPartitions();
    save(tables.tests(), committer, "tests", parts);
    save(tables.nulls(), committer, "nulls", parts);
    save(tables.heads(), committer, "heads", parts);
    save(tables.wsc(), committer, "wsc", parts);
    save(tables.pca(), committer, "pca", parts);
    save(tables.rejects(), committer, "rejects", parts);
    if (settings.report().enabled()) {
      // Before the manifest table, so that the manifest records the report's time too.
      Manifest sofar = manifest(result, input, started);
      phases.timed(
          "report",
          () -> {
            new RunReport(new ReportInput(result, sofar, settings, previousRuns()))
                .write(spark.sparkContext().hadoopConfiguration(), committer.stagingDirectory());
            return null;
          });
    }
    save(manifest(result, input, started).toDataFrame(spark), committer, "manifest", 1);
    try {
      summary(result, started).write(hadoopConf(), committer.stagingDirectory());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Writing " + RunSummary.FILE + " failed", e);
    }
  }

  /** summary.json: the gate's outcome, the verdicts and the change since the previous run. */
  private RunSummary summary(AuditResult result, Instant started) {
    List<String> risks =
        result.tests().stream()
            .filter(t -> t.verdict() == org.wsca.method.Verdict.SHORTCUT_RISK)
            .map(t -> t.task() + "/" + t.scope())
            .toList();
    RunSummary.Gate gate =
        new RunSummary.Gate(
            settings.verdict().gateOnShortcutRisk(),
            risks,
            ShortcutGate.exitCode(settings.verdict(), result.tests()).code());
    RunSummary.RunFacts facts =
        new RunSummary.RunFacts(
            Versions.wsca(),
            runId,
            started.toString(),
            Instant.now().toString(),
            result.outputPath(),
            submission);
    List<HistoryRow> previous = History.previousRuns(spark, settings.output().root(), runId, 1);
    return RunSummary.of(facts, gate, result.tests(), previous);
  }

  private org.apache.hadoop.conf.Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  /** History rows of earlier committed runs for the report's trend, which counts this run too. */
  private List<HistoryRow> previousRuns() {
    int earlier = settings.report().historyRuns() - 1;
    return earlier < 1
        ? List.of()
        : History.previousRuns(spark, settings.output().root(), runId, earlier);
  }

  private static void save(Dataset<Row> table, RunCommitter committer, String name, int parts) {
    table.coalesce(parts).write().parquet(committer.stagingTable(name));
  }

  /**
   * Loads the engine's BLAS on the driver and every executor before any MLlib fit (so that one
   * OpenBLAS serves both, see {@link Blases}) and records them: the driver's as the engine's (as
   * its tasks would load it here) and MLlib's (netlib).
   */
  private void recordBlas() {
    Blas driver = Blases.load(settings.permutation().blas());
    driverBlas = "engine: " + ExecutorBlas.describe(driver) + "; MLlib: netlib " + Versions.blas();
    executorBlas =
        phases.timed("blas", () -> BlasCensus.take(spark, settings.permutation().blas()));
  }

  private Manifest manifest(AuditResult result, ValidatedInput input, Instant started) {
    Map<String, String> sparkConf = Manifest.redactedSparkConf(spark);
    return new Manifest(
        runId,
        Versions.wsca(),
        spark.version(),
        System.getProperty("java.version"),
        driverBlas,
        executorBlas,
        started.toString(),
        Instant.now().toString(),
        settings.seed(),
        settings.resolvedJson(),
        MethodNotes.TEXT,
        input.files(),
        result.rowsRead(),
        result.rowsRejected(),
        result.rejectsByReason(),
        result.rowsTrain(),
        result.rowsTest(),
        result.dimension(),
        phases.millis(),
        sparkConf);
  }
}
