package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.engine.LinearHead;
import org.wsca.input.Canonical;
import org.wsca.math.KRule;
import org.wsca.math.Metric;
import org.wsca.math.Projection;
import org.wsca.math.SymmetricEigen;
import org.wsca.method.ClassIndex;
import org.wsca.method.Head;
import org.wsca.method.Scope;
import org.wsca.result.PcaSummary;
import org.wsca.result.ScopeResult;
import org.wsca.result.TestOutcome;
import org.wsca.result.WscCell;
import org.wsca.settings.Settings;

/**
 * One scope of an audit (docs/method.md sections 3 to 7): projection, primary head, and for each
 * metadata task its head, presence, WSC matrix and permutation null.
 */
final class ScopeAudit {
  private static final Logger LOG = LoggerFactory.getLogger(ScopeAudit.class);

  private final SparkSession spark;
  private final Settings settings;
  private final HeadFitter fitter;
  private final PermutationEngine engine;
  private final Optional<SuppliedHead> supplied;
  private final int dimension;
  private final Metric metric;
  private final int threads;

  ScopeAudit(
      SparkSession spark,
      Settings settings,
      PermutationEngine engine,
      Optional<SuppliedHead> supplied,
      int dimension) {
    this.spark = spark;
    this.settings = settings;
    this.fitter = new HeadFitter(settings.heads());
    this.engine = engine;
    this.supplied = supplied;
    this.dimension = dimension;
    this.metric = settings.metric();
    this.threads = settings.scopes().siteThreads();
  }

  /** One scope to audit: its rows and the training rows per primary label of them. */
  record Input(Scope scope, Dataset<Row> rows, ClassIndex primaryClasses) {}

  /**
   * Audits a group of scopes together, results in the group's order: the pooled scope alone, or
   * every site scope, whose primary heads and then each task's permutations are fitted in shared
   * passes ({@link TaskGroup}). Each scope's results are those it would get alone.
   */
  List<ScopeResult> run(List<Input> group) {
    ScopeResult[] results = new ScopeResult[group.size()];
    List<Integer> positions = new ArrayList<>();
    List<Input> toBegin = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Input input = group.get(i);
      Optional<String> skip =
          ClassRows.tooFewRows(
              "primary label", input.primaryClasses(), settings.scopes().minRowsPerClass());
      if (skip.isPresent()) {
        LOG.info("Skipping {}: {}", input.scope().name(), skip.get());
        results[i] =
            ScopeResult.skipped(input.scope(), skip.get(), skippedTasks(input.scope(), skip.get()));
      } else {
        positions.add(i);
        toBegin.add(input);
      }
    }
    List<Begun> begun = Concurrently.map(toBegin, threads, this::begin);
    List<Open> open = primaries(begun);
    TaskAudit.Context context = new TaskAudit.Context(spark, settings, fitter, engine, metric);
    for (Settings.MetadataTask task : settings.input().metadata()) {
      List<TaskAudit> tasks = new ArrayList<>();
      for (Open o : open) {
        tasks.add(new TaskAudit(context, o.begun().scope(), task, o.begun().rows(), o.primary()));
      }
      List<TaskAudit.Result> done = TaskGroup.run(tasks, engine, threads);
      for (int j = 0; j < open.size(); j++) {
        open.get(j).add(done.get(j));
      }
    }
    for (int j = 0; j < open.size(); j++) {
      results[positions.get(j)] = open.get(j).result();
    }
    return List.of(results);
  }

  /** A scope past its projection: the rows its heads see, in the space they live in. */
  private record Begun(
      Scope scope,
      Dataset<Row> rows,
      ClassIndex primaryClasses,
      Chosen chosen,
      Projection projection,
      Optional<SuppliedHead> supplied) {
    Dataset<Row> train() {
      return rows.filter(col(Canonical.IS_TEST).equalTo(false));
    }
  }

  private Begun begin(Input input) {
    Scope scope = input.scope();
    Dataset<Row> rows = input.rows();
    ClassIndex primaryClasses = input.primaryClasses();
    SparkPhase.label(spark, "covariance and PCA " + scope.name());
    Chosen chosen =
        project(
            scope,
            rows.filter(col(Canonical.IS_TEST).equalTo(false)),
            ClassRows.trainRows(primaryClasses));
    if (!settings.projection().fitsOnScores()) {
      return new Begun(scope, rows, primaryClasses, chosen, chosen.projection(), supplied);
    }
    // Heads live in score space; WSC compares them as they are, with Sigma = diag(lambda).
    Projection pca = chosen.projection();
    return new Begun(
        scope,
        scores(rows, pca),
        primaryClasses,
        chosen,
        Projection.none(diagonal(pca.eigenvalues())),
        supplied.map(s -> s.projected(pca)));
  }

  /** A scope with its primary head, collecting its tasks' results. */
  private record Open(
      Begun begun,
      TaskAudit.Primary primary,
      List<Head> heads,
      List<WscCell> cells,
      List<TestOutcome> tests,
      double sameTask) {
    void add(TaskAudit.Result result) {
      result.head().ifPresent(heads::add);
      cells.addAll(result.cells());
      tests.add(result.test());
    }

    ScopeResult result() {
      return new ScopeResult(
          begun.scope(),
          Optional.empty(),
          Optional.of(begun.chosen().summary()),
          heads,
          cells,
          tests,
          sameTask);
    }
  }

  /**
   * The primary probes of the scopes, each started like every task head from the batched solver's
   * head of the same labels (docs/method.md section 3), those fitted in shared passes; no
   * permutations.
   */
  private List<Open> primaries(List<Begun> begun) {
    List<Dataset<Row>> data = new ArrayList<>();
    List<PermutationRequest> requests = new ArrayList<>();
    for (Begun b : begun) {
      Dataset<Row> labelled =
          b.train()
              .withColumn(TaskData.Y, ClassRows.indexOf(b.primaryClasses(), col(Canonical.LABEL)))
              .withColumn(TaskData.STRATUM, lit("all"));
      data.add(labelled);
      requests.add(
          new PermutationRequest(
              Head.PRIMARY_TASK,
              b.scope(),
              labelled,
              b.primaryClasses().size(),
              0,
              settings.seed(),
              new double[0][],
              b.projection(),
              metric));
    }
    if (!begun.isEmpty()) {
      SparkPhase.label(spark, "primary head " + BatchedEngine.scopes(requests));
    }
    List<Optional<LinearHead>> starts = engine.observedHeads(requests);
    List<Integer> order = java.util.stream.IntStream.range(0, begun.size()).boxed().toList();
    return Concurrently.map(
        order,
        threads,
        i -> {
          Begun b = begun.get(i);
          SparkPhase.label(spark, "primary head " + b.scope().name());
          FittedHead probe =
              fitter.fit(data.get(i), TaskData.Y, b.primaryClasses().size(), starts.get(i));
          return open(b, probe);
        });
  }

  private Open open(Begun b, FittedHead probe) {
    Scope scope = b.scope();
    ClassIndex primaryClasses = b.primaryClasses();
    Optional<SuppliedHead> supplied = b.supplied();
    List<Head> heads = new ArrayList<>();
    heads.add(
        HeadRecords.head(
            scope,
            Head.PRIMARY_TASK,
            Head.PROBE,
            primaryClasses.classes(),
            probe,
            ClassRows.trainRows(primaryClasses),
            HeadRecords.separable(probe, "the primary label", scope, settings.heads().regParam())));
    double[][] primary = supplied.map(SuppliedHead::directions).orElse(probe.directions());
    List<String> primaryLabels =
        supplied
            .map(SuppliedHead::directionLabels)
            .orElse(
                HeadRecords.directionLabels(primaryClasses.classes(), probe.directions().length));
    double sameTask =
        supplied.map(s -> s.sameTaskReference(probe, b.projection())).orElse(Double.NaN);
    supplied.ifPresent(s -> heads.add(s.asHead(scope.name())));
    TaskAudit.Primary directions =
        new TaskAudit.Primary(
            primary, primaryLabels, b.projection(), supplied.isPresent() || probe.converged());
    return new Open(b, directions, heads, new ArrayList<>(), new ArrayList<>(), sameTask);
  }

  /** Replaces each row's features by its k PCA scores P x. */
  private static Dataset<Row> scores(Dataset<Row> rows, Projection projection) {
    UDF1<Vector, Vector> project = x -> Vectors.dense(projection.project(x.toArray()));
    return rows.withColumn(
        HeadFitter.FEATURES, udf(project, new VectorUDT()).apply(col(HeadFitter.FEATURES)));
  }

  private static double[][] diagonal(double[] values) {
    double[][] m = new double[values.length][values.length];
    for (int i = 0; i < values.length; i++) {
      m[i][i] = values[i];
    }
    return m;
  }

  private List<TestOutcome> skippedTasks(Scope scope, String reason) {
    List<TestOutcome> out = new ArrayList<>();
    for (Settings.MetadataTask t : settings.input().metadata()) {
      out.add(TestOutcome.skipped(t.name(), scope.name(), t.role(), t.kind(), reason, Map.of(), 0));
    }
    return out;
  }

  /** The projection of a scope and its row in the pca table. */
  private record Chosen(Projection projection, PcaSummary summary) {}

  private Chosen project(Scope scope, Dataset<Row> train, long trainRows) {
    double[][] covariance = CovarianceAggregate.of(train, dimension).covariance();
    if (settings.projection().method() == Settings.ProjectionMethod.NONE) {
      Projection none = Projection.none(covariance);
      return new Chosen(
          none,
          new PcaSummary(
              scope.name(),
              "none",
              dimension,
              dimension,
              dimension,
              1.0,
              new double[0],
              trainRows));
    }
    SymmetricEigen eigen = SymmetricEigen.decompose(covariance);
    int rank = KRule.rank(eigen.values());
    int k =
        Math.max(
            1,
            KRule.choose(
                eigen.values(),
                settings.projection().kMin(),
                settings.projection().varianceFraction()));
    Projection pca = Projection.pca(eigen, k);
    return new Chosen(
        pca,
        new PcaSummary(
            scope.name(),
            "pca",
            dimension,
            rank,
            k,
            pca.explainedFraction(),
            pca.eigenvalues(),
            trainRows));
  }
}
