package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.engine.LinearHead;
import org.wsca.input.Canonical;
import org.wsca.math.Alignment;
import org.wsca.math.Metric;
import org.wsca.math.PermutationDesign;
import org.wsca.math.Projection;
import org.wsca.math.Testability;
import org.wsca.method.ClassIndex;
import org.wsca.method.Head;
import org.wsca.method.HeadConvergence;
import org.wsca.method.NullDistribution;
import org.wsca.method.Scope;
import org.wsca.result.Presence;
import org.wsca.result.TestOutcome;
import org.wsca.result.WscCell;
import org.wsca.settings.Settings;

/**
 * One metadata task inside one scope (docs/method.md sections 5 to 7 and 11): its head, presence,
 * WSC matrix and permutation null, and the decision-dependence test. In stages, so that the same
 * task in several scopes can fit its permutations in shared passes ({@link TaskGroup}): {@link
 * #prepare()}, then the engine fits {@link #request()}, then {@link #finish} returns the task's
 * test row with its head and WSC cells, and {@link #close()} frees its rows.
 */
final class TaskAudit {
  private static final Logger LOG = LoggerFactory.getLogger(TaskAudit.class);

  /** What one task adds to its scope; no head when the task was skipped. */
  record Result(TestOutcome test, Optional<Head> head, List<WscCell> cells) {}

  /** The scope-wide pieces every task of a run shares. */
  record Context(
      SparkSession spark,
      Settings settings,
      HeadFitter fitter,
      PermutationEngine engine,
      Metric metric) {}

  /** The primary head's directions and labels, and the projection they live in. */
  /**
   * @param converged the primary head converged: always for a supplied head; for the probe, when
   *     its fit did, since an unconverged probe is not the clinical decision the test is about
   */
  record Primary(
      double[][] directions, List<String> labels, Projection projection, boolean converged) {}

  private final SparkSession spark;
  private final Settings settings;
  private final HeadFitter fitter;
  private final PermutationEngine engine;
  private final Metric metric;
  private final Scope scope;
  private final Settings.MetadataTask task;
  private final Dataset<Row> rows;
  private final double[][] primary;
  private final boolean primaryConverged;
  private final List<String> primaryLabels;
  private final Projection projection;
  private TaskClasses taskClasses;
  private Dataset<Row> taskRows;
  private Dataset<Row> train;
  private PermutationDesign design;
  private PermutationRequest request;
  private Optional<String> untestable = Optional.empty();

  TaskAudit(
      Context context,
      Scope scope,
      Settings.MetadataTask task,
      Dataset<Row> rows,
      Primary primary) {
    this.spark = context.spark();
    this.settings = context.settings();
    this.fitter = context.fitter();
    this.engine = context.engine();
    this.metric = context.metric();
    this.scope = scope;
    this.task = task;
    this.rows = rows;
    this.primary = primary.directions();
    this.primaryConverged = primary.converged();
    this.primaryLabels = primary.labels();
    this.projection = primary.projection();
  }

  /**
   * Counts the task's classes and, unless the task is skipped (the returned result), persists its
   * rows and builds its permutation design: then {@link #request()} and {@link #testable()} tell
   * what to fit, {@link #finish} completes the test and {@link #close()} frees the rows.
   */
  Optional<Result> prepare() {
    String value = Canonical.metadata(task.name());
    taskClasses = TaskClasses.of(task, rows, value);
    long missing = taskClasses.missing();
    ClassIndex classes = taskClasses.index();
    Optional<String> skip =
        ClassRows.tooFewRows("task " + task.name(), classes, settings.scopes().minRowsPerClass())
            .or(() -> taskClasses.kindMismatch(task));
    if (skip.isPresent()) {
      LOG.info("Skipping task {} in {}: {}", task.name(), scope.name(), skip.get());
      return Optional.of(
          new Result(
              TestOutcome.skipped(
                  task.name(),
                  scope.name(),
                  task.role(),
                  task.kind(),
                  skip.get(),
                  taskClasses.trainCounts(),
                  missing),
              Optional.empty(),
              List.of()));
    }
    taskRows =
        rows.filter(col(value).isNotNull())
            .withColumn(TaskData.Y, ClassRows.indexOf(classes, taskClasses.column()))
            .withColumn(TaskData.STRATUM, ClassRows.stratum(settings.permutation().strata()))
            .withColumn(TaskData.CELL, concat_ws("|", col(Canonical.LABEL), col(Canonical.SITE)))
            .filter(col(TaskData.Y).geq(0))
            .select(
                col(Canonical.SAMPLE_ID),
                col(HeadFitter.FEATURES),
                col(TaskData.Y),
                col(TaskData.STRATUM),
                col(TaskData.CELL),
                col(Canonical.PATIENT_ID),
                col(Canonical.IS_TEST))
            .persist(StorageLevel.MEMORY_AND_DISK());
    train = taskRows.filter(col(Canonical.IS_TEST).equalTo(false));
    SparkPhase.label(spark, "testability task=" + task.name() + " " + scope.name());
    design = StrataLabels.design(train, settings.input().columns().patientId().isPresent());
    request =
        new PermutationRequest(
            task.name(),
            scope,
            train,
            classes.size(),
            settings.permutation().count(),
            settings.seed(),
            primary,
            projection,
            metric,
            design);
    untestable =
        settings
            .permutation()
            .floor()
            .skipReason(design.testability(), task.name(), settings.permutation().strataLabels());
    if (untestable.isEmpty()) {
      warnIfSequences(design);
      Testability testability = design.testability();
      LOG.info(
          "task={} {}: fitting {} permuted heads and the observed labels' head ({} of {} rows"
              + " movable, unit {})",
          task.name(),
          scope.name(),
          settings.permutation().count(),
          testability.movableRows(),
          testability.rows(),
          design.unit().label());
    }
    return Optional.empty();
  }

  /** The prepared task's permutation request (its null, or permutation 0 alone when untestable). */
  PermutationRequest request() {
    return request;
  }

  /** True when the prepared task passes the testability floor: its null is to be fitted. */
  boolean testable() {
    return untestable.isEmpty();
  }

  /** Frees the prepared task's rows. */
  void close() {
    if (taskRows != null) {
      taskRows.unpersist();
    }
  }

  /**
   * Completes a prepared task: {@code nullFit} for a testable one (fitted first: its passes fit
   * permutation 0 too, so no separate pass refits the observed labels, docs/performance.md), else
   * {@code start}, permutation 0's head alone.
   */
  Result finish(Optional<NullFit> nullFit, Optional<LinearHead> start) {
    ClassIndex classes = taskClasses.index();
    List<String> names = taskClasses.names();
    Map<String, Long> trainCounts = taskClasses.trainCounts();
    Dataset<Row> test = taskRows.filter(col(Canonical.IS_TEST).equalTo(true));
    Testability testability = design.testability();
    SparkPhase.label(spark, "head task=" + task.name() + " " + scope.name());
    // MLlib's reported head starts from the batched solver's head of the same labels: a cold start
    // stalls on embeddings with near-dead units (docs/method.md section 3).
    FittedHead head =
        fitter.fit(
            train, TaskData.Y, classes.size(), nullFit.flatMap(NullFit::observed).or(() -> start));
    SparkPhase.label(spark, "presence and separation task=" + task.name() + " " + scope.name());
    PresenceProbe.Measured probed =
        PresenceProbe.measure(
            head,
            taskRows,
            classes.size(),
            taskClasses.testCounts(),
            primary,
            settings.input().columns().patientId().isPresent());
    Presence presence = probed.presence();
    boolean separable =
        HeadRecords.warnIfSeparable(
            probed.separable(), "task " + task.name(), scope, settings.heads().regParam());
    Head fitted =
        HeadRecords.head(
            scope, task.name(), Head.PROBE, names, head, ClassRows.trainRows(classes), separable);
    Alignment alignment = Alignment.of(primary, head.directions(), projection, metric);
    List<WscCell> cells =
        WscCell.of(
            scope.name(),
            task.name(),
            primaryLabels,
            HeadRecords.directionLabels(names, head.directions().length),
            alignment.matrix());
    TestOutcome.Aligning measured =
        TestOutcome.of(task.name(), scope.name(), task.role(), task.kind())
            .counted(trainCounts, taskClasses.missing())
            .measured(presence, head.converged(), separable);
    if (untestable.isPresent()) {
      LOG.warn("Not testing task {} in {}: {}", task.name(), scope.name(), untestable.get());
      return new Result(
          measured.untestable(alignment.t(), alignment.rms(), untestable.get(), testability),
          Optional.of(fitted),
          cells);
    }
    LOG.info(
        "task={} {}: presence AUROC {}, T {}",
        task.name(),
        scope.name(),
        String.format("%.3f", presence.auroc()),
        String.format("%.4f", alignment.t()));
    NullDistribution nulls = nullFit.get().distribution();
    TestOutcome outcome =
        measured
            .aligned(alignment.t(), alignment.rms(), nulls, testability)
            .withDependence(
                new TaskDependence(
                        spark, settings, scope.name(), task.name(), primary, primaryLabels)
                    .test(
                        dependenceRows(taskRows, test),
                        scoredDependenceRows(probed),
                        classes.size(),
                        names));
    Optional<String> unconverged =
        HeadConvergence.problem(
            primaryConverged,
            head.converged(),
            nulls,
            settings.heads().maxIter(),
            settings.heads().maxNonConvergedShare());
    if (unconverged.isPresent()) {
      LOG.warn("task={} {}: NOT_TESTED: {}", task.name(), scope.name(), unconverged.get());
      outcome = outcome.notTested(unconverged.get());
    }
    return new Result(outcome, Optional.of(fitted), cells);
  }

  /** The test split, or every row for a supplied head that saw none (dependence.rows = all). */
  private Dataset<Row> dependenceRows(Dataset<Row> taskRows, Dataset<Row> test) {
    return settings.dependence().rows() == Settings.DependenceRows.ALL ? taskRows : test;
  }

  /** The presence pass scored the held-out rows only: with dependence.rows = all, Spark does. */
  private Optional<List<DependencePass.StratumRow>> scoredDependenceRows(
      PresenceProbe.Measured probed) {
    return settings.dependence().rows() == Settings.DependenceRows.ALL
        ? Optional.empty()
        : Optional.of(probed.heldOut());
  }

  private void warnIfSequences(PermutationDesign design) {
    if (design.unit() == PermutationDesign.Unit.PATIENT_SEQUENCE) {
      LOG.warn(
          "Task {} varies within some patients in {}: its permutations move each patient's value"
              + " sequence as a whole among patients with the same number of images in each"
              + " stratum (docs/method.md section 6.2); patients of a unique shape stay fixed."
              + " permutation_unit = patient-sequence in the tests table.",
          task.name(),
          scope.name());
    }
  }
}
