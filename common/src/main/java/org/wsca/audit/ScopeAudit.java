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
  }

  /** {@code primaryClasses}: the training rows per primary label of the scope's rows. */
  ScopeResult run(Scope scope, Dataset<Row> rows, ClassIndex primaryClasses) {
    Dataset<Row> train = rows.filter(col(Canonical.IS_TEST).equalTo(false));
    Optional<String> skip =
        ClassRows.tooFewRows("primary label", primaryClasses, settings.scopes().minRowsPerClass());
    if (skip.isPresent()) {
      LOG.info("Skipping {}: {}", scope.name(), skip.get());
      return ScopeResult.skipped(scope, skip.get(), skippedTasks(scope, skip.get()));
    }
    SparkPhase.label(spark, "covariance and PCA " + scope.name());
    Chosen chosen = project(scope, train, ClassRows.trainRows(primaryClasses));
    if (!settings.projection().fitsOnScores()) {
      return audit(scope, rows, primaryClasses, chosen, chosen.projection(), supplied);
    }
    // Heads live in score space; WSC compares them as they are, with Sigma = diag(lambda).
    Projection pca = chosen.projection();
    return audit(
        scope,
        scores(rows, pca),
        primaryClasses,
        chosen,
        Projection.none(diagonal(pca.eigenvalues())),
        supplied.map(s -> s.projected(pca)));
  }

  private ScopeResult audit(
      Scope scope,
      Dataset<Row> rows,
      ClassIndex primaryClasses,
      Chosen chosen,
      Projection projection,
      Optional<SuppliedHead> supplied) {
    Dataset<Row> train = rows.filter(col(Canonical.IS_TEST).equalTo(false));
    SparkPhase.label(spark, "primary head " + scope.name());
    FittedHead probe = fitPrimary(scope, train, primaryClasses, projection);
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
    double sameTask = supplied.map(s -> s.sameTaskReference(probe, projection)).orElse(Double.NaN);
    supplied.ifPresent(s -> heads.add(s.asHead(scope.name())));
    List<WscCell> cells = new ArrayList<>();
    List<TestOutcome> tests = new ArrayList<>();
    TaskAudit.Context context = new TaskAudit.Context(spark, settings, fitter, engine, metric);
    TaskAudit.Primary directions =
        new TaskAudit.Primary(
            primary, primaryLabels, projection, supplied.isPresent() || probe.converged());
    for (Settings.MetadataTask task : settings.input().metadata()) {
      TaskAudit.Result result = new TaskAudit(context, scope, task, rows, directions).run();
      result.head().ifPresent(heads::add);
      cells.addAll(result.cells());
      tests.add(result.test());
    }
    return new ScopeResult(
        scope, Optional.empty(), Optional.of(chosen.summary()), heads, cells, tests, sameTask);
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

  /**
   * The primary probe, started like every task head from the batched solver's head of the same
   * labels (docs/method.md section 3); no permutations.
   */
  private FittedHead fitPrimary(
      Scope scope, Dataset<Row> train, ClassIndex classes, Projection projection) {
    Dataset<Row> data =
        train
            .withColumn(TaskData.Y, ClassRows.indexOf(classes, col(Canonical.LABEL)))
            .withColumn(TaskData.STRATUM, lit("all"));
    PermutationRequest request =
        new PermutationRequest(
            Head.PRIMARY_TASK,
            scope,
            data,
            classes.size(),
            0,
            settings.seed(),
            new double[0][],
            projection,
            metric);
    return fitter.fit(data, TaskData.Y, classes.size(), engine.observedHead(request));
  }
}
