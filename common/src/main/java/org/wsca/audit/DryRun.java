package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.wsca.input.Canonical;
import org.wsca.input.InputReader;
import org.wsca.input.ValidatedInput;
import org.wsca.math.PermutationDesign;
import org.wsca.math.QuantileBins;
import org.wsca.method.ClassIndex;
import org.wsca.method.Kind;
import org.wsca.method.Scope;
import org.wsca.settings.Settings;

/**
 * {@code audit --dry-run}: reads and validates the input exactly as the audit does, splits it, and
 * counts the training rows per class of the primary label and of every metadata task in every
 * scope, then says which tests the audit would run and which it would skip, and why. It fits
 * nothing and writes nothing; on data the audit takes minutes for, it takes seconds.
 */
public final class DryRun {
  private static final String CLASS = "dry_run_class";
  private final SparkSession spark;
  private final Settings settings;

  public DryRun(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  public DryRunPlan execute() {
    SparkPhase.label(spark, "dry run: read and validate input");
    ValidatedInput input = new InputReader(spark, settings.input()).read();
    try {
      Dataset<Row> rows = input.valid().withColumn(Canonical.IS_TEST, isTest());
      Dataset<Row> train = rows.filter(col(Canonical.IS_TEST).equalTo(false));
      long trainRows = train.count();
      List<DryRunPlan.ScopePlan> scopes = new ArrayList<>();
      for (Scope scope : scopes(rows)) {
        scopes.add(plan(scope, inScope(rows, scope)));
      }
      return new DryRunPlan(
          input.files().size(),
          input.rowsRead(),
          input.rowsRejected(),
          new TreeMap<>(input.rejectsByReason()),
          input.dimension(),
          trainRows,
          input.rowsValid() - trainRows,
          scopes,
          settings.permutation().count(),
          settings.output().root());
    } finally {
      input.release();
    }
  }

  private DryRunPlan.ScopePlan plan(Scope scope, Dataset<Row> rows) {
    SparkPhase.label(spark, "dry run: class counts " + scope.name());
    Dataset<Row> train = rows.filter(col(Canonical.IS_TEST).equalTo(false));
    Map<String, Long> primary = counts(train, col(Canonical.LABEL));
    Optional<String> scopeProblem =
        ClassCountCheck.problem(
            "primary label", Kind.CATEGORICAL, primary, settings.scopes().minRowsPerClass());
    List<DryRunPlan.TaskPlan> tasks = new ArrayList<>();
    for (Settings.MetadataTask task : settings.input().metadata()) {
      tasks.add(task(task, rows, train, scopeProblem));
    }
    return new DryRunPlan.ScopePlan(scope.name(), primary, scopeProblem.orElse(null), tasks);
  }

  private DryRunPlan.TaskPlan task(
      Settings.MetadataTask task,
      Dataset<Row> rows,
      Dataset<Row> train,
      Optional<String> scopeProblem) {
    String value = Canonical.metadata(task.name());
    long missing = rows.filter(col(value).isNull()).count();
    Dataset<Row> present = train.filter(col(value).isNotNull());
    Column classColumn = classes(task, present, value);
    Map<String, Long> counts = counts(present, classColumn);
    Optional<String> problem =
        scopeProblem
            .or(
                () ->
                    ClassCountCheck.problem(
                        "task " + task.name(),
                        task.kind(),
                        counts,
                        settings.scopes().minRowsPerClass()))
            .or(() -> belowTestabilityFloor(task, present, classColumn));
    return new DryRunPlan.TaskPlan(
        task.name(), task.kind(), task.role(), counts, missing, problem.orElse(null));
  }

  /**
   * The audit's testability floor (docs/method.md section 6.3): whether the permutations, within
   * the configured strata and moving whole patients when patient ids are set, can move enough rows.
   */
  private Optional<String> belowTestabilityFloor(
      Settings.MetadataTask task, Dataset<Row> present, Column classColumn) {
    ClassIndex classes = ClassRows.classIndex(present, classColumn);
    Dataset<Row> labelled =
        present
            .withColumn(TaskData.Y, ClassRows.indexOf(classes, classColumn))
            .withColumn(TaskData.STRATUM, ClassRows.stratum(settings.permutation().strata()))
            .filter(col(TaskData.Y).geq(0));
    PermutationDesign design =
        StrataLabels.design(labelled, settings.input().columns().patientId().isPresent());
    return settings
        .permutation()
        .floor()
        .skipReason(design.testability(), task.name(), settings.permutation().strataLabels());
  }

  /**
   * The task's classes; a continuous task's are its quantile bins on these rows, as the audit's.
   */
  private static Column classes(Settings.MetadataTask task, Dataset<Row> train, String value) {
    if (task.kind() != Kind.CONTINUOUS) {
      return col(value);
    }
    int q = task.bins();
    double[] probabilities = new double[q - 1];
    for (int i = 1; i < q; i++) {
      probabilities[i - 1] = (double) i / q;
    }
    QuantileBins bins =
        QuantileBins.fromInnerEdges(train.stat().approxQuantile(value, probabilities, 0.0));
    UDF1<Double, String> label = v -> v == null ? null : bins.label(bins.bin(v));
    return udf(label, DataTypes.StringType).apply(col(value));
  }

  private static Map<String, Long> counts(Dataset<Row> rows, Column classColumn) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : rows.groupBy(classColumn.cast("string").as(CLASS)).count().collectAsList()) {
      if (!r.isNullAt(0)) {
        counts.put(r.getString(0), r.getLong(1));
      }
    }
    return new LinkedHashMap<>(counts);
  }

  private List<Scope> scopes(Dataset<Row> rows) {
    List<Scope> scopes = new ArrayList<>();
    if (settings.scopes().pooled()) {
      scopes.add(Scope.pooled());
    }
    if (settings.scopes().perSite()) {
      rows.select(Canonical.SITE).distinct().orderBy(Canonical.SITE).collectAsList().stream()
          .map(r -> Scope.ofSite(r.getString(0)))
          .forEach(scopes::add);
    }
    return scopes;
  }

  private static Dataset<Row> inScope(Dataset<Row> rows, Scope scope) {
    return scope.site().map(s -> rows.filter(col(Canonical.SITE).equalTo(s))).orElse(rows);
  }

  /** The audit's split ({@link Audit#isTest(Settings)}). */
  private Column isTest() {
    return Audit.isTest(settings);
  }
}
