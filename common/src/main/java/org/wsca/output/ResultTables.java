package org.wsca.output;

import static org.wsca.output.TableColumns.DOUBLES;
import static org.wsca.output.TableColumns.field;
import static org.wsca.output.TableColumns.frame;
import static org.wsca.output.TableColumns.list;
import static org.wsca.output.TableColumns.matrix;
import static org.wsca.output.TableColumns.orNull;
import static org.wsca.output.TableColumns.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wsca.method.Head;
import org.wsca.result.PcaSummary;
import org.wsca.result.TestOutcome;
import org.wsca.result.WscCell;

/** The result tables as DataFrames with fixed, documented schemas (see the README). */
public final class ResultTables {
  private final SparkSession spark;
  private final String runId;

  public ResultTables(SparkSession spark, String runId) {
    this.spark = spark;
    this.runId = runId;
  }

  public static final StructType TESTS = TestsTable.SCHEMA;

  public Dataset<Row> tests(List<TestOutcome> tests) {
    return frame(spark, TESTS, tests, t -> TestsTable.row(runId, t));
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
                orNull(statistics[b - 1]),
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
    return frame(
        spark,
        HEADS,
        heads,
        h -> {
          Double sameTask =
              h.source().equals(Head.SUPPLIED) ? sameTaskByScope.get(h.scope()) : null;
          return RowFactory.create(
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
              h.separable());
        });
  }

  public static final StructType WSC =
      schema(
          field("run_id", DataTypes.StringType), field("scope", DataTypes.StringType),
          field("task", DataTypes.StringType), field("primary_class", DataTypes.StringType),
          field("metadata_class", DataTypes.StringType), field("row", DataTypes.IntegerType),
          field("col", DataTypes.IntegerType), field("wsc", DataTypes.DoubleType),
          field("metric", DataTypes.StringType), field("projection", DataTypes.StringType));

  public Dataset<Row> wsc(List<WscCell> cells, String metric, String projection) {
    return frame(
        spark,
        WSC,
        cells,
        c ->
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
    return frame(
        spark,
        PCA,
        summaries,
        s ->
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
}
