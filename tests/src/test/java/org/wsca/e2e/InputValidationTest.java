package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;
import org.wsca.input.Canonical;
import org.wsca.input.InputReader;
import org.wsca.input.ValidatedInput;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;

/** Validation before any fitting: bad rows are kept with a reason, bad files fail clearly. */
class InputValidationTest extends SparkTestBase {
  @TempDir Path dir;

  private static final DataType FLOATS = DataTypes.createArrayType(DataTypes.FloatType, true);

  private static StructType schema(DataType embedding) {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("sample_id", DataTypes.StringType, true),
        DataTypes.createStructField("site", DataTypes.StringType, true),
        DataTypes.createStructField("label", DataTypes.StringType, true),
        DataTypes.createStructField("scanner", DataTypes.StringType, true),
        DataTypes.createStructField("embedding", embedding, true)));
  }

  private String write(List<Row> rows, DataType embedding, String name) {
    String path = dir.resolve(name).toString();
    spark().createDataFrame(rows, schema(embedding)).write().parquet(path);
    return path;
  }

  private static List<Row> goodRows(int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create("s" + i, "A", "" + (i % 2), "S" + (i % 3),
          new float[] {i, 1f, -i}));
    }
    return rows;
  }

  private Settings settings(String path, String... more) {
    List<String> overrides = new ArrayList<>(List.of("input.paths=[\"" + path + "\"]",
        "input.metadata=[{name=scanner, kind=categorical}]"));
    overrides.addAll(List.of(more));
    return SettingsLoader.load(Optional.empty(), overrides);
  }

  private ValidatedInput read(Settings settings) {
    return new InputReader(spark(), settings.input()).read();
  }

  @Test
  void badRowsAreRejectedWithTheirReasonAndGoodRowsKept() {
    List<Row> rows = goodRows(200);
    rows.add(RowFactory.create("nolabel", "A", null, "S1", new float[] {1, 2, 3}));
    rows.add(RowFactory.create("nan", "A", "1", "S1", new float[] {1, Float.NaN, 3}));
    rows.add(RowFactory.create("inf", "A", "1", "S1", new float[] {Float.POSITIVE_INFINITY, 0, 0}));
    rows.add(RowFactory.create("empty", "A", "1", "S1", new float[0]));
    rows.add(RowFactory.create("nullx", "A", "1", "S1", null));
    rows.add(RowFactory.create("dup", "A", "1", "S1", new float[] {1, 2, 3}));
    rows.add(RowFactory.create("dup", "A", "0", "S2", new float[] {1, 2, 3}));
    rows.add(RowFactory.create("nometa", "A", "0", null, new float[] {1, 2, 3}));
    ValidatedInput input = read(settings(write(rows, FLOATS, "mixed"),
        "input.max-reject-fraction=0.5"));

    assertThat(input.rowsRead()).isEqualTo(208);
    assertThat(input.rejectsByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "missing_primary_label", 1L, "non_finite_embedding_value", 2L, "empty_embedding", 1L,
        "missing_embedding", 1L, "duplicate_sample_id", 2L));
    assertThat(input.rejects().count()).isEqualTo(7);
    assertThat(input.rejects().columns()).contains("sample_id", "embedding", "reject_reason",
        "source_file");
    // A row missing only its metadata value stays; it is left out of that task alone.
    assertThat(input.valid().count()).isEqualTo(201);
    assertThat(input.valid().filter("sample_id = 'nometa'").first()
        .<String>getAs(Canonical.metadata("scanner"))).isNull();
    assertThat(input.dimension()).isEqualTo(3);
  }

  @Test
  void vectorAndDoubleArrayEmbeddingsReadAsTheSameNumbers() {
    List<Row> rows = List.of(RowFactory.create("a", "A", "0", "S", new double[] {0.5, -2, 3}));
    String doubles = write(rows, DataTypes.createArrayType(DataTypes.DoubleType), "doubles");
    Dataset<Row> vectors = spark().read().parquet(doubles).withColumn("embedding",
        org.apache.spark.ml.functions.array_to_vector(
            org.apache.spark.sql.functions.col("embedding")));
    String vectorPath = dir.resolve("vectors").toString();
    vectors.write().parquet(vectorPath);
    for (String path : List.of(doubles, vectorPath)) {
      Row row = read(settings(path)).valid().first();
      assertThat(row.getList(row.fieldIndex(Canonical.EMBEDDING)))
          .containsExactly(0.5, -2.0, 3.0);
    }
  }

  @Test
  void aMissingColumnNamesTheSettingAndTheAvailableColumns() {
    String path = write(goodRows(10), FLOATS, "ok");
    assertThatThrownBy(() -> read(settings(path, "input.columns.label=diagnosis")))
        .isInstanceOfSatisfying(WscaException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("'diagnosis'")
        .hasMessageContaining("wsca.input.columns.label")
        .hasMessageContaining("sample_id, site, label, scanner, embedding");
  }

  @Test
  void differentEmbeddingDimensionsFailNamingBoth() {
    List<Row> rows = goodRows(20);
    rows.add(RowFactory.create("short", "B", "1", "S1", new float[] {1, 2}));
    String path = write(rows, FLOATS, "dims");
    assertThatThrownBy(() -> read(settings(path)))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("dimension 2 in 1 rows (e.g. site=B")
        .hasMessageContaining("differs from 3 in 20 rows");
  }

  @Test
  void tooManyRejectsStopTheRunWithTheReasons() {
    List<Row> rows = goodRows(10);
    for (int i = 0; i < 5; i++) {
      rows.add(RowFactory.create("bad" + i, "A", null, "S1", new float[] {1, 2, 3}));
    }
    String path = write(rows, FLOATS, "many");
    assertThatThrownBy(() -> read(settings(path, "input.max-reject-fraction=0.1")))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("5 of 15 input rows")
        .hasMessageContaining("missing_primary_label=5")
        .hasMessageContaining("wsca.input.max-reject-fraction");
  }

  @Test
  void aWrongEmbeddingTypeIsNamed() {
    List<Row> rows = List.of(RowFactory.create("a", "A", "0", "S", "1,2,3"));
    String path = write(rows, DataTypes.StringType, "strings");
    assertThatThrownBy(() -> read(settings(path)))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("has type string");
  }
}
