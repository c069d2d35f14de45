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
    return DataTypes.createStructType(
        List.of(
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
      rows.add(
          RowFactory.create("s" + i, "A", "" + (i % 2), "S" + (i % 3), new float[] {i, 1f, -i}));
    }
    return rows;
  }

  private Settings settings(String path, String... more) {
    List<String> overrides =
        new ArrayList<>(
            List.of(
                "input.paths=[\"" + path + "\"]",
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
    ValidatedInput input =
        read(settings(write(rows, FLOATS, "mixed"), "input.max-reject-fraction=0.5"));

    assertThat(input.rowsRead()).isEqualTo(208);
    assertThat(input.rejectsByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "missing_primary_label",
                1L,
                "non_finite_embedding_value",
                2L,
                "empty_embedding",
                1L,
                "missing_embedding",
                1L,
                "duplicate_sample_id",
                2L));
    assertThat(input.rejects().count()).isEqualTo(7);
    assertThat(input.rejects().columns())
        .contains("sample_id", "embedding", "reject_reason", "source_file");
    // A row missing only its metadata value stays; it is left out of that task alone.
    assertThat(input.valid().count()).isEqualTo(201);
    assertThat(
            input
                .valid()
                .filter("sample_id = 'nometa'")
                .first()
                .<String>getAs(Canonical.metadata("scanner")))
        .isNull();
    assertThat(input.dimension()).isEqualTo(3);
  }

  @Test
  void vectorAndDoubleArrayEmbeddingsReadAsTheSameNumbers() {
    List<Row> rows = List.of(RowFactory.create("a", "A", "0", "S", new double[] {0.5, -2, 3}));
    String doubles = write(rows, DataTypes.createArrayType(DataTypes.DoubleType), "doubles");
    Dataset<Row> vectors =
        spark()
            .read()
            .parquet(doubles)
            .withColumn(
                "embedding",
                org.apache.spark.ml.functions.array_to_vector(
                    org.apache.spark.sql.functions.col("embedding")));
    String vectorPath = dir.resolve("vectors").toString();
    vectors.write().parquet(vectorPath);
    for (String path : List.of(doubles, vectorPath)) {
      Row row = read(settings(path)).valid().first();
      assertThat(row.getList(row.fieldIndex(Canonical.EMBEDDING))).containsExactly(0.5, -2.0, 3.0);
    }
  }

  @Test
  void aMissingColumnNamesTheSettingAndTheAvailableColumns() {
    String path = write(goodRows(10), FLOATS, "ok");
    assertThatThrownBy(() -> read(settings(path, "input.columns.label=diagnosis")))
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
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

  @Test
  void aPatientAtTwoSitesIsQuarantinedNamingThePatientAndBothSites() {
    StructType withPatient = schema(FLOATS).add("patient", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(
          RowFactory.create(
              "s" + i,
              i < 20 ? "A" : "B",
              "" + (i % 2),
              "S" + (i % 3),
              new float[] {i, 1f, -i},
              "p" + i / 2));
    }
    rows.add(RowFactory.create("moved1", "A", "0", "S1", new float[] {1, 2, 3}, "p-moved"));
    rows.add(RowFactory.create("moved2", "B", "1", "S2", new float[] {3, 2, 1}, "p-moved"));
    rows.add(RowFactory.create("nopatient1", "A", "1", "S2", new float[] {3, 2, 1}, null));
    rows.add(RowFactory.create("nopatient2", "B", "1", "S2", new float[] {3, 2, 1}, null));
    String path = dir.resolve("patients").toString();
    spark().createDataFrame(rows, withPatient).write().parquet(path);

    ValidatedInput input = read(settings(path, "input.columns.patient-id=patient"));

    assertThat(input.rejectsByReason())
        .containsExactlyEntriesOf(Map.of(InputReader.PATIENT_IN_SEVERAL_SITES, 2L));
    assertThat(
            input
                .rejects()
                .select("sample_id", Canonical.REJECT_REASON)
                .orderBy("sample_id")
                .collectAsList())
        .extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactly(
            "moved1 patient_in_several_sites: patient 'p-moved' appears in sites A, B. Fix: give"
                + " each patient one site, or make patient ids unique per site (e.g. prefix them"
                + " with the site)",
            "moved2 patient_in_several_sites: patient 'p-moved' appears in sites A, B. Fix: give"
                + " each patient one site, or make patient ids unique per site (e.g. prefix them"
                + " with the site)");
    // Rows without a patient id are not one patient: they stay.
    assertThat(input.valid().count()).isEqualTo(42);
    assertThat(input.valid().filter("sample_id like 'moved%'").count()).isZero();

    assertThatThrownBy(
            () ->
                read(
                    settings(
                        path,
                        "input.columns.patient-id=patient",
                        "input.max-reject-fraction=0.01")))
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("patient_in_several_sites=2")
        .hasMessageContaining("patient 'p-moved' appears in sites A, B")
        .hasMessageContaining("give each patient one site");
  }

  /** The data files Spark wrote under {@code folder}, sorted. */
  private static List<Path> partFiles(String folder) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(Path.of(folder))) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  @Test
  void aTruncatedParquetFileFailsAsBadInputNamingTheFile() throws Exception {
    String path = write(goodRows(40), FLOATS, "truncated");
    Path victim = partFiles(path).get(0);
    byte[] bytes = java.nio.file.Files.readAllBytes(victim);
    java.nio.file.Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    // A truncated copy comes without Hadoop's checksum file, which would otherwise catch it.
    java.nio.file.Files.delete(victim.resolveSibling("." + victim.getFileName() + ".crc"));

    assertThatThrownBy(() -> read(settings(path)))
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("Input file ")
        .hasMessageContaining(victim.getFileName().toString())
        .hasMessageContaining("is not readable as Parquet")
        .hasMessageContaining("Fix: remove it from the input folder, or write it again");
  }

  @Test
  void aFileThatIsNotParquetFailsAsBadInputNamingTheFile() throws Exception {
    String path = write(goodRows(40), FLOATS, "notparquet");
    Path victim = Path.of(path, "part-99999-extra.parquet");
    java.nio.file.Files.writeString(victim, "sample_id,site\ns1,A\n");

    assertThatThrownBy(() -> read(settings(path)))
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("part-99999-extra.parquet")
        .hasMessageContaining("Fix: remove it from the input folder, or write it again");
  }
}
