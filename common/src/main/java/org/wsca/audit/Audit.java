package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.wsca.math.SparkOrder;
import org.wsca.math.SplitAssigner;
import org.wsca.method.MonteCarloFloor;
import org.wsca.method.Role;
import org.wsca.method.Scope;
import org.wsca.result.AuditResult;
import org.wsca.result.ScopeResult;
import org.wsca.result.TestOutcome;
import org.wsca.resume.ChunkStore;
import org.wsca.settings.Settings;

/**
 * The computation of one audit: read and validate, split, audit every scope and decide the
 * verdicts. It writes nothing but its persisted permutation chunks; staging, committing and the
 * history belong to the run layer ({@code org.wsca.run.AuditRun}). {@link #release()} frees the
 * cached rows once the caller has written what it needs from {@link #input()}.
 */
public final class Audit {
  private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

  private final SparkSession spark;
  private final Settings settings;
  private final String runId;
  private final PhaseTimes phases;
  private final List<Runnable> releases = new ArrayList<>();
  private ChunkStore chunks = ChunkStore.none();
  private ValidatedInput input;
  private Optional<Dataset<Row>> rows = Optional.empty();

  /** Audits {@code rows} (already in memory, in the input layout) instead of input.paths. */
  public Audit rows(Dataset<Row> rows) {
    this.rows = Optional.of(rows);
    return this;
  }

  public Audit(SparkSession spark, Settings settings, String runId, PhaseTimes phases) {
    this.spark = spark;
    this.settings = settings;
    this.runId = runId;
    this.phases = phases;
  }

  /** Computes the audit; {@code outputPath} is where the caller will commit its tables. */
  public AuditResult compute(String outputPath) {
    SparkPhase.label(spark, "read and validate input");
    InputReader reader = new InputReader(spark, settings.input());
    input = phases.timed("read_validate", () -> rows.map(reader::validate).orElseGet(reader::read));
    releases.add(input::release);
    LOG.info(
        "Read {} rows ({} rejected), embedding dimension {}",
        input.rowsRead(),
        input.rowsRejected(),
        input.dimension());
    // Resume fingerprints input files; rows in memory have none, so their chunks are not kept.
    chunks =
        rows.isPresent()
            ? ChunkStore.none()
            : ChunkStore.forRun(
                spark.sparkContext().hadoopConfiguration(), settings, runId, Versions.wsca());
    Optional<SuppliedHead> supplied =
        settings
            .primaryHead()
            .path()
            .map(p -> SuppliedHead.load(spark, settings.primaryHead(), input.dimension()));
    boolean small = fitsDriverBudget(input.rowsValid(), input.dimension());
    if (small) {
      LOG.info(
          "Small audit ({} rows x {} within permutation.driver-pass-max-mb): its rows are held in"
              + " one partition, so each of its many small Spark jobs is one task",
          input.rowsValid(),
          input.dimension());
    }
    Dataset<Row> prepared = phases.timed("split", () -> prepare(input.valid(), small));
    releases.add(prepared::unpersist);
    SiteRows sites = SiteRows.of(prepared);
    long testRows = sites.testRows();
    long trainRows = input.rowsValid() - testRows;
    List<ScopeResult> scopes = auditScopes(prepared, sites, supplied, input.dimension(), trainRows);
    List<TestOutcome> tests = Inference.decide(allTests(scopes), settings.verdict());
    if (chunks.reused() > 0) {
      LOG.info(
          "Resume: run {} reused {} permutation chunks of an earlier attempt and fitted {}",
          runId,
          chunks.reused(),
          chunks.saved());
    }
    return new AuditResult(
        runId,
        outputPath,
        scopes,
        tests,
        input.rowsRead(),
        input.rowsRejected(),
        input.rejectsByReason(),
        trainRows,
        testRows,
        input.dimension());
  }

  /** The validated input of {@link #compute}: its rejects and files go into the run's tables. */
  public ValidatedInput input() {
    return input;
  }

  /** The persisted permutation chunks, to drop once the run is committed. */
  public ChunkStore chunks() {
    return chunks;
  }

  /** Frees this audit's cached rows (a session may run many audits: the calibration study). */
  public void release() {
    releases.forEach(Runnable::run);
  }

  /**
   * The rows every scope derives from, persisted. A small audit's rows go into one partition: its
   * time is Spark's fixed cost per task, and on one partition an aggregate needs no shuffle (a
   * single partition satisfies any grouping), so each count, fit pass or presence job is one task
   * instead of the input's partitions plus spark.sql.shuffle.partitions.
   */
  private Dataset<Row> prepare(Dataset<Row> valid, boolean small) {
    Dataset<Row> rows = small ? valid.coalesce(1) : valid;
    return rows.withColumn(Canonical.IS_TEST, isTest())
        .withColumn(HeadFitter.FEATURES, functions.array_to_vector(col(Canonical.EMBEDDING)))
        .drop(Canonical.EMBEDDING)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private Column isTest() {
    return isTest(settings);
  }

  /**
   * The split column when configured, else a hash of (patient or sample id, seed); the dry run uses
   * the same column, so it reports the audit's split.
   */
  static Column isTest(Settings settings) {
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
      Dataset<Row> prepared,
      SiteRows sites,
      Optional<SuppliedHead> supplied,
      int dimension,
      long trainRows) {
    PermutationEngine engine = engine();
    List<Scope> scopes = scopes(sites);
    ScopeAudit audit =
        new ScopeAudit(spark, planPermutations(scopes.size()), engine, supplied, dimension);
    List<List<Scope>> groups = groups(scopes);
    int threads = overlapGroups(trainRows, dimension) ? groups.size() : 1;
    List<ScopeResult> results = new ArrayList<>();
    Concurrently.map(groups, threads, group -> auditGroup(audit, group, prepared, sites))
        .forEach(results::addAll);
    return results;
  }

  private List<ScopeResult> auditGroup(
      ScopeAudit audit, List<Scope> group, Dataset<Row> prepared, SiteRows sites) {
    List<ScopeAudit.Input> inputs = new ArrayList<>();
    for (Scope scope : group) {
      Dataset<Row> rows =
          scope
              .site()
              .map(site -> prepared.filter(col(Canonical.SITE).equalTo(site)))
              .orElse(prepared);
      inputs.add(new ScopeAudit.Input(scope, rows, sites.trainLabels().classes(scope)));
    }
    String name = group.size() == 1 ? group.get(0).name() : "sites (" + group.size() + ")";
    LOG.info("Auditing scope {}", name);
    return phases.timed("scope " + name, () -> audit.run(inputs));
  }

  /**
   * Whether the pooled scope and the site group run at the same time: only for small audits, whose
   * time is Spark's fixed cost per job rather than arithmetic, and only with {@code
   * scopes.site-threads} above 1. Small means the training embeddings fit the driver-pass budget
   * ({@code permutation.driver-pass-max-mb}), so holding both groups' rows at once costs little.
   */
  private boolean overlapGroups(long trainRows, int dimension) {
    return settings.scopes().siteThreads() > 1 && fitsDriverBudget(trainRows, dimension);
  }

  /** Whether {@code rows} embeddings of {@code dimension} doubles fit the driver-pass budget. */
  private boolean fitsDriverBudget(long rows, int dimension) {
    return rows * 8L * dimension <= settings.permutation().driverPassMaxMb() * 1024L * 1024L;
  }

  /**
   * The scopes audited together: the pooled scope alone and, with {@code
   * permutation.share-site-passes}, all site scopes in one group (shared passes), else each alone.
   */
  private List<List<Scope>> groups(List<Scope> scopes) {
    List<List<Scope>> groups = new ArrayList<>();
    List<Scope> sites = new ArrayList<>();
    boolean share = settings.permutation().shareSitePasses();
    for (Scope scope : scopes) {
      if (scope.site().isPresent() && share) {
        sites.add(scope);
      } else {
        groups.add(List.of(scope));
      }
    }
    if (!sites.isEmpty()) {
      groups.add(sites);
    }
    return groups;
  }

  /**
   * The Monte Carlo floor (docs/method.md section 6.5), before the first permutation: m per family
   * is the number of planned tests of the role (its tasks times the scopes). Resolves {@code
   * permutation.count = auto}, and warns for every family whose findings B cannot reach.
   */
  private Settings planPermutations(int scopeCount) {
    Map<Role, Integer> family = new EnumMap<>(Role.class);
    for (Settings.MetadataTask task : settings.input().metadata()) {
      family.merge(task.role(), scopeCount, Integer::sum);
    }
    double alpha = settings.verdict().alpha();
    Settings planned = settings;
    if (settings.permutation().countAuto()) {
      int b = MonteCarloFloor.auto(family.values(), alpha);
      LOG.info(
          "permutation.count = auto: B = {} for {} tests per family (the smallest 100k - 1 with"
              + " m / (B + 1) <= alpha / {}, between {} and {})",
          b,
          family,
          MonteCarloFloor.MARGIN,
          MonteCarloFloor.AUTO_MIN,
          MonteCarloFloor.AUTO_MAX);
      planned = settings.withPermutation(settings.permutation().withCount(b));
    }
    int count = planned.permutation().count();
    int dependence = planned.dependence().permutations();
    family.forEach(
        (role, m) -> {
          MonteCarloFloor.verdictWarning(role, m, dependence, alpha).ifPresent(LOG::warn);
          MonteCarloFloor.wscNote(role, m, count, alpha).ifPresent(LOG::info);
        });
    return planned;
  }

  private PermutationEngine engine() {
    Settings.Permutation p = settings.permutation();
    if (p.engine() == Settings.Engine.MLLIB_LOOP) {
      return new MllibLoopEngine(
          spark, new HeadFitter(settings.heads()), p.progressEvery(), p.maxHeadsPerChunk(), chunks);
    }
    return new BatchedEngine(
            spark,
            settings.heads(),
            p.progressEvery(),
            p.maxHeadsPerChunk(),
            chunks,
            p.driverPassMaxMb())
        .withBlas(p.blas())
        .withThreads(settings.scopes().siteThreads());
  }

  private List<Scope> scopes(SiteRows sites) {
    List<Scope> scopes = new ArrayList<>();
    if (settings.scopes().pooled()) {
      scopes.add(Scope.pooled());
    }
    if (settings.scopes().perSite()) {
      sites.sites().forEach(site -> scopes.add(Scope.ofSite(site)));
    }
    return scopes;
  }

  /**
   * The sites in Spark's string order (as an orderBy would list them), the held-out rows and the
   * training rows per site and primary label, from one aggregate: a small job per count (and per
   * scope for its primary classes) costs far more in fixed overhead than its rows do.
   */
  record SiteRows(List<String> sites, long testRows, TrainLabels trainLabels) {
    static SiteRows of(Dataset<Row> prepared) {
      Set<String> sites = new HashSet<>();
      TrainLabels trainLabels = new TrainLabels();
      long testRows = 0;
      for (Row r :
          prepared
              .groupBy(col(Canonical.SITE), col(Canonical.LABEL))
              .agg(
                  sum(when(col(Canonical.IS_TEST), 1L).otherwise(0L)),
                  sum(when(col(Canonical.IS_TEST).equalTo(false), 1L).otherwise(0L)))
              .collectAsList()) {
        sites.add(r.getString(0));
        testRows += r.getLong(2);
        trainLabels.add(r.getString(0), r.getString(1), r.getLong(3));
      }
      List<String> sorted = new ArrayList<>(sites);
      sorted.sort(SparkOrder.STRINGS);
      return new SiteRows(Collections.unmodifiableList(sorted), testRows, trainLabels);
    }
  }

  private static List<TestOutcome> allTests(List<ScopeResult> scopes) {
    List<TestOutcome> tests = new ArrayList<>();
    scopes.forEach(s -> tests.addAll(s.tests()));
    return tests;
  }
}
