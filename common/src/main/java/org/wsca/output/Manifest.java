package org.wsca.output;

import static org.wsca.output.TableColumns.COUNTS;
import static org.wsca.output.TableColumns.field;
import static org.wsca.output.TableColumns.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wsca.blas.ExecutorBlas;
import org.wsca.input.InputFile;
import org.wsca.settings.Redaction;

/**
 * The manifest table: one row that lets anyone trace and repeat a run. {@code sparkConf} is the
 * session's Spark configuration with secrets redacted ({@link Redaction}). {@code blas} is the
 * driver's (the engine's and MLlib's), {@code executorBlas} what each executor's engine tasks use.
 */
public record Manifest(
    String runId,
    String wscaVersion,
    String sparkVersion,
    String javaVersion,
    String blas,
    List<ExecutorBlas> executorBlas,
    String startedAt,
    String finishedAt,
    long seed,
    String settingsJson,
    String methodNotes,
    List<InputFile> inputFiles,
    long rowsRead,
    long rowsRejected,
    Map<String, Long> rejectsByReason,
    long rowsTrain,
    long rowsTest,
    int dimension,
    Map<String, Long> phaseMillis,
    Map<String, String> sparkConf) {

  private static final DataType FILE =
      DataTypes.createStructType(
          List.of(field("path", DataTypes.StringType), field("size_bytes", DataTypes.LongType)));
  private static final DataType EXECUTOR_BLAS =
      DataTypes.createStructType(
          List.of(
              field("executor_id", DataTypes.StringType),
              field("host", DataTypes.StringType),
              field("blas", DataTypes.StringType),
              field("library", DataTypes.StringType),
              field("threads", DataTypes.IntegerType)));
  public static final StructType SCHEMA =
      schema(
          field("run_id", DataTypes.StringType),
          field("wsca_version", DataTypes.StringType),
          field("spark_version", DataTypes.StringType),
          field("java_version", DataTypes.StringType),
          field("blas", DataTypes.StringType),
          field("executor_blas", DataTypes.createArrayType(EXECUTOR_BLAS, false)),
          field("started_at", DataTypes.StringType),
          field("finished_at", DataTypes.StringType),
          field("seed", DataTypes.LongType),
          field("settings_json", DataTypes.StringType),
          field("method_notes", DataTypes.StringType),
          field("input_files", DataTypes.createArrayType(FILE, false)),
          field("rows_read", DataTypes.LongType),
          field("rows_rejected", DataTypes.LongType),
          field("rejects_by_reason", COUNTS),
          field("rows_train", DataTypes.LongType),
          field("rows_test", DataTypes.LongType),
          field("dimension", DataTypes.IntegerType),
          field("phase_millis", COUNTS),
          field(
              "spark_conf",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true)));

  /** The session's Spark configuration (spark.hadoop.* included), secrets redacted. */
  public static Map<String, String> redactedSparkConf(SparkSession spark) {
    return Redaction.redact(scala.collection.JavaConverters.mapAsJavaMap(spark.conf().getAll()));
  }

  public Dataset<Row> toDataFrame(SparkSession spark) {
    List<Row> files = new ArrayList<>();
    for (InputFile f : inputFiles) {
      files.add(RowFactory.create(f.path(), f.sizeBytes()));
    }
    List<Row> executors = new ArrayList<>();
    for (ExecutorBlas e : executorBlas) {
      executors.add(
          RowFactory.create(e.executorId(), e.host(), e.kind(), e.library(), e.threads()));
    }
    Row row =
        RowFactory.create(
            runId,
            wscaVersion,
            sparkVersion,
            javaVersion,
            blas,
            executors,
            startedAt,
            finishedAt,
            seed,
            settingsJson,
            methodNotes,
            files,
            rowsRead,
            rowsRejected,
            rejectsByReason,
            rowsTrain,
            rowsTest,
            dimension,
            phaseMillis,
            sparkConf);
    return spark.createDataFrame(List.of(row), SCHEMA);
  }
}
