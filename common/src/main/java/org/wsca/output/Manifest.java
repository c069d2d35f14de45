package org.wsca.output;

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
          List.of(
              ResultTables.field("path", DataTypes.StringType),
              ResultTables.field("size_bytes", DataTypes.LongType)));
  private static final DataType EXECUTOR_BLAS =
      DataTypes.createStructType(
          List.of(
              ResultTables.field("executor_id", DataTypes.StringType),
              ResultTables.field("host", DataTypes.StringType),
              ResultTables.field("blas", DataTypes.StringType),
              ResultTables.field("library", DataTypes.StringType),
              ResultTables.field("threads", DataTypes.IntegerType)));
  private static final DataType COUNTS =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);

  public static final StructType SCHEMA =
      ResultTables.schema(
          ResultTables.field("run_id", DataTypes.StringType),
          ResultTables.field("wsca_version", DataTypes.StringType),
          ResultTables.field("spark_version", DataTypes.StringType),
          ResultTables.field("java_version", DataTypes.StringType),
          ResultTables.field("blas", DataTypes.StringType),
          ResultTables.field("executor_blas", DataTypes.createArrayType(EXECUTOR_BLAS, false)),
          ResultTables.field("started_at", DataTypes.StringType),
          ResultTables.field("finished_at", DataTypes.StringType),
          ResultTables.field("seed", DataTypes.LongType),
          ResultTables.field("settings_json", DataTypes.StringType),
          ResultTables.field("method_notes", DataTypes.StringType),
          ResultTables.field("input_files", DataTypes.createArrayType(FILE, false)),
          ResultTables.field("rows_read", DataTypes.LongType),
          ResultTables.field("rows_rejected", DataTypes.LongType),
          ResultTables.field("rejects_by_reason", COUNTS),
          ResultTables.field("rows_train", DataTypes.LongType),
          ResultTables.field("rows_test", DataTypes.LongType),
          ResultTables.field("dimension", DataTypes.IntegerType),
          ResultTables.field("phase_millis", COUNTS),
          ResultTables.field(
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
