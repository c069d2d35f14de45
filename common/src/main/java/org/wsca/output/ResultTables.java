package org.wsca.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wsca.math.NullSummary;
import org.wsca.math.Testability;
import org.wsca.method.Head;
import org.wsca.method.NullDistribution;
import org.wsca.result.Dependence;
import org.wsca.result.PcaSummary;
import org.wsca.result.TestOutcome;
import org.wsca.result.WscCell;

/** The result tables as DataFrames with fixed, documented schemas (see the README). */
public final class ResultTables {
  private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);
  private static final DataType COUNTS =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);

  private final SparkSession spark;
  private final String runId;

  public ResultTables(SparkSession spark, String runId) {
    this.spark = spark;
    this.runId = runId;
  }

  public static final StructType TESTS =
      schema(
          field("run_id", DataTypes.StringType),
          field("task", DataTypes.StringType),
          field("scope", DataTypes.StringType),
          field("role", DataTypes.StringType),
          field("kind", DataTypes.StringType),
          field("status", DataTypes.StringType),
          field("skip_reason", DataTypes.StringType),
          field("verdict", DataTypes.StringType),
          field("explanation", DataTypes.StringType),
          field("presence_auroc", DataTypes.DoubleType),
          field("presence_balanced_accuracy", DataTypes.DoubleType),
          field("presence_accuracy", DataTypes.DoubleType),
          field("t", DataTypes.DoubleType),
          field("rms", DataTypes.DoubleType),
          field("p", DataTypes.DoubleType),
          field("q", DataTypes.DoubleType),
          field("holm_p", DataTypes.DoubleType),
          field("permutations", DataTypes.IntegerType),
          field("null_mean", DataTypes.DoubleType),
          field("null_sd", DataTypes.DoubleType),
          field("null_p95", DataTypes.DoubleType),
          field("null_nonconverged", DataTypes.IntegerType),
          field("head_converged", DataTypes.BooleanType),
          field("train_class_counts", COUNTS),
          field("test_class_counts", COUNTS),
          field("rows_missing_value", DataTypes.LongType),
          field("separable", DataTypes.BooleanType),
          field("dependence_shift_sd", DataTypes.DoubleType),
          field("dependence_signed_shift_sd", DataTypes.DoubleType),
          field("dependence_cell", DataTypes.StringType),
          field("dependence_p", DataTypes.DoubleType),
          field("dependence_q", DataTypes.DoubleType),
          field("dependence_permutations", DataTypes.IntegerType),
          field("dependence_null_p95", DataTypes.DoubleType),
          field("dependence_rows", DataTypes.LongType),
          field("dependence_skip_reason", DataTypes.StringType),
          field("family", DataTypes.StringType),
          field("permutation_unit", DataTypes.StringType),
          field("movable_rows", DataTypes.LongType),
          field("log10_permutations", DataTypes.DoubleType),
          field("t_perm0", DataTypes.DoubleType));

  public Dataset<Row> tests(List<TestOutcome> tests) {
    List<Row> rows = new ArrayList<>();
    for (TestOutcome t : tests) {
      NullSummary nulls = t.nulls().map(NullDistribution::summary).orElse(null);
      Dependence d = t.dependence();
      rows.add(
          RowFactory.create(
              runId,
              t.task(),
              t.scope(),
              t.role().name().toLowerCase(),
              t.kind().name().toLowerCase(),
              t.tested() ? "TESTED" : "SKIPPED",
              t.skipReason().orElse(null),
              t.verdict().name(),
              t.verdict().explanation(),
              nan(t.presence().auroc()),
              nan(t.presence().balancedAccuracy()),
              nan(t.presence().accuracy()),
              nan(t.t()),
              nan(t.rms()),
              nan(t.p()),
              nan(t.q()),
              nan(t.holm()),
              t.nulls().map(NullDistribution::permutations).orElse(null),
              nulls == null ? null : nulls.mean(),
              nulls == null ? null : nulls.sd(),
              nulls == null ? null : nulls.p95(),
              t.nulls().map(NullDistribution::nonConverged).orElse(null),
              t.headConverged(),
              t.trainCounts(),
              t.presence().testCounts(),
              t.rowsMissingValue(),
              t.tested() || t.testability().isPresent() ? t.headSeparable() : null,
              nan(d.shiftSd()),
              nan(d.signedShiftSd()),
              d.tested() ? d.cell() : null,
              nan(d.p()),
              nan(d.q()),
              d.tested() ? d.permutations() : null,
              nan(d.nullP95()),
              t.tested() ? d.movableRows() : null,
              t.tested() ? d.skipReason().orElse(null) : null,
              t.family(),
              t.testability().map(x -> x.unit().label()).orElse(null),
              t.testability().map(Testability::movableRows).orElse(null),
              t.testability().map(Testability::log10Permutations).orElse(null),
              nan(t.tPermutationZero())));
    }
    return spark.createDataFrame(rows, TESTS);
  }

  public static final StructType NULLS =
      schema(
          field("run_id", DataTypes.StringType), field("task", DataTypes.StringType),
          field("scope", DataTypes.StringType), field("permutation", DataTypes.IntegerType),
          field("t", DataTypes.DoubleType), field("converged", DataTypes.BooleanType));

  /** T_b of every permuted head, b = 1..B, of every test that ran; converged null if unknown. */
  public Dataset<Row> nulls(List<TestOutcome> tests) {
    List<Row> rows = new ArrayList<>();
    for (TestOutcome t : tests) {
      if (t.nulls().isEmpty()) {
        continue;
      }
      double[] statistics = t.nulls().get().statistics();
      boolean[] converged = t.nulls().get().converged();
      for (int b = 1; b <= statistics.length; b++) {
        rows.add(
            RowFactory.create(
                runId,
                t.task(),
                t.scope(),
                b,
                nan(statistics[b - 1]),
                converged == null ? null : converged[b - 1]));
      }
    }
    return spark.createDataFrame(rows, NULLS);
  }

  public static final StructType HEADS =
      schema(
          field("run_id", DataTypes.StringType),
          field("scope", DataTypes.StringType),
          field("task", DataTypes.StringType),
          field("source", DataTypes.StringType),
          field("classes", DataTypes.createArrayType(DataTypes.StringType, false)),
          field("direction_labels", DataTypes.createArrayType(DataTypes.StringType, false)),
          field("directions", DataTypes.createArrayType(DOUBLES, false)),
          field("coefficients", DataTypes.createArrayType(DOUBLES, false)),
          field("intercepts", DOUBLES),
          field("converged", DataTypes.BooleanType),
          field("iterations", DataTypes.IntegerType),
          field("train_rows", DataTypes.LongType),
          field("same_task_reference", DataTypes.DoubleType),
          field("fit_space", DataTypes.StringType),
          field("separable", DataTypes.BooleanType));

  /** {@code fitSpace}: "full" (raw coordinates) or "pca" (coefficients over the k PCA scores). */
  public Dataset<Row> heads(
      List<Head> heads, Map<String, Double> sameTaskByScope, String fitSpace) {
    List<Row> rows = new ArrayList<>();
    for (Head h : heads) {
      Double sameTask = h.source().equals(Head.SUPPLIED) ? sameTaskByScope.get(h.scope()) : null;
      rows.add(
          RowFactory.create(
              runId,
              h.scope(),
              h.task(),
              h.source(),
              h.classes(),
              h.directionLabels(),
              matrix(h.directions()),
              matrix(h.coefficients()),
              list(h.intercepts()),
              h.converged(),
              h.iterations(),
              h.trainRows(),
              sameTask,
              fitSpace,
              h.separable()));
    }
    return spark.createDataFrame(rows, HEADS);
  }

  public static final StructType WSC =
      schema(
          field("run_id", DataTypes.StringType), field("scope", DataTypes.StringType),
          field("task", DataTypes.StringType), field("primary_class", DataTypes.StringType),
          field("metadata_class", DataTypes.StringType), field("row", DataTypes.IntegerType),
          field("col", DataTypes.IntegerType), field("wsc", DataTypes.DoubleType),
          field("metric", DataTypes.StringType), field("projection", DataTypes.StringType));

  public Dataset<Row> wsc(List<WscCell> cells, String metric, String projection) {
    List<Row> rows = new ArrayList<>();
    for (WscCell c : cells) {
      rows.add(
          RowFactory.create(
              runId,
              c.scope(),
              c.task(),
              c.primaryClass(),
              c.metadataClass(),
              c.row(),
              c.column(),
              c.wsc(),
              metric,
              projection));
    }
    return spark.createDataFrame(rows, WSC);
  }

  public static final StructType PCA =
      schema(
          field("run_id", DataTypes.StringType),
          field("scope", DataTypes.StringType),
          field("method", DataTypes.StringType),
          field("dimension", DataTypes.IntegerType),
          field("rank", DataTypes.IntegerType),
          field("k", DataTypes.IntegerType),
          field("explained_fraction", DataTypes.DoubleType),
          field("eigenvalues", DOUBLES),
          field("train_rows", DataTypes.LongType));

  public Dataset<Row> pca(List<PcaSummary> summaries) {
    List<Row> rows = new ArrayList<>();
    for (PcaSummary s : summaries) {
      rows.add(
          RowFactory.create(
              runId,
              s.scope(),
              s.method(),
              s.dimension(),
              s.rank(),
              s.k(),
              s.explainedFraction(),
              list(s.eigenvalues()),
              s.trainRows()));
    }
    return spark.createDataFrame(rows, PCA);
  }

  /** Parquet has no NaN-free convention for "not computed": null says it plainly. */
  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static List<Double> list(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static List<List<Double>> matrix(double[][] values) {
    return Arrays.stream(values).map(ResultTables::list).toList();
  }

  static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  static StructType schema(StructField... fields) {
    return DataTypes.createStructType(fields);
  }
}
