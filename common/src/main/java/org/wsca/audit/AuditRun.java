package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.input.Canonical;
import org.wsca.input.InputReader;
import org.wsca.input.ValidatedInput;
import org.wsca.math.SplitAssigner;
import org.wsca.method.Head;
import org.wsca.method.Scope;
import org.wsca.output.History;
import org.wsca.output.HistoryRow;
import org.wsca.output.Manifest;
import org.wsca.output.ResultTables;
import org.wsca.output.RunCommitter;
import org.wsca.report.ReportInput;
import org.wsca.report.RunReport;
import org.wsca.resume.ChunkStore;
import org.wsca.settings.Settings;

/**
 * One audit, end to end: read and validate, split, audit every scope, decide the verdicts and write
 * every table to staging, then commit, record the run in the history table and drop its persisted
 * permutation chunks. {@link #execute()} returns the immutable result.
 */
public final class AuditRun {
  private static final Logger LOG = LoggerFactory.getLogger(AuditRun.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final Settings settings;
  private final String runId;
  private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
  private ChunkStore chunks = ChunkStore.none();

  public AuditRun(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
    this.runId =
        settings.output().runId().isEmpty()
            ? RUN_ID.format(Instant.now())
            : settings.output().runId();
  }

  public AuditResult execute() {
    Instant started = Instant.now();
    RunCommitter committer =
        new RunCommitter(
            spark.sparkContext().hadoopConfiguration(), settings.output().root(), runId);
    committer.removeAbandonedAttempts();
    List<Runnable> releases = new ArrayList<>();
    try {
      AuditResult result = audit(committer, started, releases);
      committer.commit();
      recordHistory(result);
      chunks.delete();
      return result;
    } catch (Exception e) {
      committer.abort();
      // Spark's write failures are checked SparkExceptions thrown through Scala code.
      throw e instanceof RuntimeException r
          ? r
          : new IllegalStateException(
              (e instanceof IOException ? "Writing results failed: " : "The run failed: ")
                  + e.getMessage(),
              e);
    } finally {
      // A session may run many audits (the calibration study): free this run's cached rows.
      releases.forEach(Runnable::run);
    }
  }

  private AuditResult audit(RunCommitter committer, Instant started, List<Runnable> releases) {
    SparkPhase.label(spark, "read and validate input");
    ValidatedInput input =
        timed("read_validate", () -> new InputReader(spark, settings.input()).read());
    releases.add(input::release);
    LOG.info(
        "Read {} rows ({} rejected), embedding dimension {}",
        input.rowsRead(),
        input.rowsRejected(),
        input.dimension());
    chunks =
        ChunkStore.forRun(
            spark.sparkContext().hadoopConfiguration(), settings, runId, Versions.wsca());
    Optional<SuppliedHead> supplied =
        settings
            .primaryHead()
            .path()
            .map(p -> SuppliedHead.load(spark, settings.primaryHead(), input.dimension()));
    Dataset<Row> prepared = timed("split", () -> prepare(input.valid()));
    releases.add(prepared::unpersist);
    long testRows = prepared.filter(col(Canonical.IS_TEST)).count();
    long trainRows = input.rowsValid() - testRows;
    List<ScopeResult> scopes = auditScopes(prepared, supplied, input.dimension());
    List<TestOutcome> tests = Inference.decide(allTests(scopes), settings.verdict());
    if (chunks.reused() > 0) {
      LOG.info(
          "Resume: run {} reused {} permutation chunks of an earlier attempt and fitted {}",
          runId,
          chunks.reused(),
          chunks.saved());
    }
    AuditResult result =
        new AuditResult(
            runId,
            committer.finalPath(),
            scopes,
            tests,
            input.rowsRead(),
            input.rowsRejected(),
            input.rejectsByReason(),
            trainRows,
            testRows,
            input.dimension());
    timed(
        "write",
        () -> {
          write(committer, result, input, started);
          return null;
        });
    return result;
  }

  /** Appends the committed run to the history table (replacing an earlier run of this id). */
  private void recordHistory(AuditResult result) {
    try {
      History.record(
          spark,
          settings.output().root(),
          runId,
          History.rows(runId, Instant.now(), result.tests()));
    } catch (Exception e) {
      throw new IllegalStateException(
          "The results were committed to "
              + result.outputPath()
              + ", but recording the run in the history table failed: "
              + e.getMessage()
              + ". Re-run the same run id to record it.",
          e);
    }
  }

  private Dataset<Row> prepare(Dataset<Row> valid) {
    return valid
        .withColumn(Canonical.IS_TEST, isTest())
        .withColumn(HeadFitter.FEATURES, functions.array_to_vector(col(Canonical.EMBEDDING)))
        .drop(Canonical.EMBEDDING)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The split column when configured, else a hash of (patient or sample id, seed). */
  private Column isTest() {
    if (settings.input().columns().split().isPresent()) {
      return col(Canonical.SPLIT).equalTo("test");
    }
    long seed = settings.seed();
    double fraction = settings.split().testFraction();
    UDF2<String, String, Boolean> hash =
        (patient, sample) ->
            SplitAssigner.isTest(patient != null ? patient : sample, seed, fraction);
    return udf(hash, DataTypes.BooleanType)
        .apply(col(Canonical.PATIENT_ID), col(Canonical.SAMPLE_ID));
  }

  private List<ScopeResult> auditScopes(
      Dataset<Row> prepared, Optional<SuppliedHead> supplied, int dimension) {
    PermutationEngine engine = engine();
    ScopeAudit audit = new ScopeAudit(spark, settings, engine, supplied, dimension);
    List<ScopeResult> results = new ArrayList<>();
    for (Scope scope : scopes(prepared)) {
      Dataset<Row> rows =
          scope
              .site()
              .map(site -> prepared.filter(col(Canonical.SITE).equalTo(site)))
              .orElse(prepared);
      LOG.info("Auditing scope {}", scope.name());
      results.add(timed("scope " + scope.name(), () -> audit.run(scope, rows)));
    }
    return results;
  }

  private PermutationEngine engine() {
    Settings.Permutation p = settings.permutation();
    if (p.engine().equals("mllib-loop")) {
      return new MllibLoopEngine(
          spark, new HeadFitter(settings.heads()), p.progressEvery(), p.maxHeadsPerChunk(), chunks);
    }
    return new BatchedEngine(
        spark, settings.heads(), p.progressEvery(), p.maxHeadsPerChunk(), chunks);
  }

  private List<Scope> scopes(Dataset<Row> prepared) {
    List<Scope> scopes = new ArrayList<>();
    if (settings.scopes().pooled()) {
      scopes.add(Scope.pooled());
    }
    if (settings.scopes().perSite()) {
      prepared
          .select(Canonical.SITE)
          .distinct()
          .orderBy(Canonical.SITE)
          .collectAsList()
          .forEach(r -> scopes.add(Scope.ofSite(r.getString(0))));
    }
    return scopes;
  }

  private static List<TestOutcome> allTests(List<ScopeResult> scopes) {
    List<TestOutcome> tests = new ArrayList<>();
    scopes.forEach(s -> tests.addAll(s.tests()));
    return tests;
  }

  private void write(
      RunCommitter committer, AuditResult result, ValidatedInput input, Instant started) {
    SparkPhase.label(spark, "write results");
    ResultTables tables = new ResultTables(spark, runId);
    List<Head> heads = new ArrayList<>();
    List<WscCell> cells = new ArrayList<>();
    List<PcaSummary> pca = new ArrayList<>();
    Map<String, Double> sameTask = new HashMap<>();
    for (ScopeResult s : result.scopes()) {
      heads.addAll(s.heads());
      cells.addAll(s.cells());
      s.pca().ifPresent(pca::add);
      if (s.sameTaskReference() != null) {
        sameTask.put(s.scope().name(), s.sameTaskReference());
      }
    }
    int parts = settings.output().resultPartitions();
    save(tables.tests(result.tests()), committer, "tests", parts);
    save(tables.nulls(result.tests()), committer, "nulls", parts);
    save(
        tables.heads(heads, sameTask, settings.projection().fitSpace()), committer, "heads", parts);
    save(
        tables.wsc(cells, settings.metric(), settings.projection().method()),
        committer,
        "wsc",
        parts);
    save(tables.pca(pca), committer, "pca", parts);
    save(
        input.rejects().withColumn("run_id", org.apache.spark.sql.functions.lit(runId)),
        committer,
        "rejects",
        parts);
    if (settings.report().enabled()) {
      // Before the manifest table, so that the manifest records the report's time too.
      Manifest sofar = manifest(result, input, started);
      timed(
          "report",
          () -> {
            new RunReport(new ReportInput(result, sofar, settings, previousRuns()))
                .write(spark.sparkContext().hadoopConfiguration(), committer.stagingDirectory());
            return null;
          });
    }
    save(manifest(result, input, started).toDataFrame(spark), committer, "manifest", 1);
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

  private Manifest manifest(AuditResult result, ValidatedInput input, Instant started) {
    Map<String, String> sparkConf = Manifest.redactedSparkConf(spark);
    LOG.info("Spark configuration (secrets redacted): {}", sparkConf);
    return new Manifest(
        runId,
        Versions.wsca(),
        spark.version(),
        System.getProperty("java.version"),
        Versions.blas(),
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
        new LinkedHashMap<>(phaseMillis),
        sparkConf);
  }

  private <T> T timed(String phase, java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      phaseMillis.put(phase, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
