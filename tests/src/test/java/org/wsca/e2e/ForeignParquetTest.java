package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wsca.e2e.ForeignRows.THREE_LEVEL;
import static org.wsca.e2e.ForeignRows.TWO_LEVEL;
import static org.wsca.e2e.ForeignRows.duckEmbedding;
import static org.wsca.e2e.ForeignRows.duckdb;
import static org.wsca.e2e.ForeignRows.expected;
import static org.wsca.e2e.ForeignRows.writeParquetHadoop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;
import org.wsca.input.Canonical;
import org.wsca.input.InputReader;
import org.wsca.input.ValidatedInput;
import org.wsca.settings.SettingsLoader;

/**
 * Inputs written by other writers, laid out as exporters lay them out, read to the same rows and
 * the same embedding values that were written; sites whose schemas differ are reconciled when only
 * widths differ, and rejected with both schemas named otherwise.
 */
class ForeignParquetTest extends SparkTestBase {
  @TempDir Path dir;

  private ValidatedInput read(Path input, String... more) {
    List<String> overrides =
        new ArrayList<>(
            List.of(
                "input.paths=[\"" + input + "\"]",
                "input.metadata=[{name=scanner, kind=categorical}]"));
    overrides.addAll(List.of(more));
    return new InputReader(spark(), SettingsLoader.load(Optional.empty(), overrides).input())
        .read();
  }

  /** Every written row is read, valid, with exactly the embedding values written. */
  private static void assertReadsExactly(ValidatedInput input, Map<String, List<Double>> rows) {
    assertThat(input.rowsRead()).isEqualTo(rows.size());
    assertThat(input.rowsRejected()).isZero();
    assertThat(input.dimension()).isEqualTo(ForeignRows.DIMENSION);
    Map<String, List<Double>> read = new HashMap<>();
    for (Row r : input.valid().select(Canonical.SAMPLE_ID, Canonical.EMBEDDING).collectAsList()) {
      read.put(r.getString(0), new ArrayList<>(r.<Double>getList(1)));
    }
    assertThat(read).containsExactlyInAnyOrderEntriesOf(rows);
  }

  /** Rows per site, sorted by site. */
  private static Map<String, Long> rowsBySite(ValidatedInput input) {
    Map<String, Long> sites = new TreeMap<>();
    for (Row r : input.valid().groupBy(Canonical.SITE).count().collectAsList()) {
      sites.put(r.getString(0), r.getLong(1));
    }
    return sites;
  }

  private static Map<String, List<Double>> concat(
      Map<String, List<Double>> a, Map<String, List<Double>> b) {
    Map<String, List<Double>> all = new LinkedHashMap<>(a);
    all.putAll(b);
    return all;
  }

  private static String duckRows(
      String prefix,
      int from,
      int to,
      String labelType,
      String embeddingType,
      String extraColumns) {
    return "SELECT '"
        + prefix
        + "' || i AS sample_id,"
        + " (CASE WHEN i % 2 = 0 THEN 0 ELSE 1 END)::"
        + labelType
        + " AS label,"
        + " 'S' || (i % 3) AS scanner, "
        + duckEmbedding(embeddingType)
        + " AS embedding"
        + extraColumns
        + " FROM range("
        + from
        + ", "
        + to
        + ") t(i)";
  }

  private Path siteFile(String root, String site) throws Exception {
    Path folder = dir.resolve(root).resolve("site=" + site);
    Files.createDirectories(folder);
    return folder.resolve("part-0.parquet");
  }

  @Test
  void duckDbFloatListsInHivePartitionFolders() throws Exception {
    Path out = dir.resolve("duck");
    duckdb(
        "COPY (SELECT *, CASE WHEN i < 30 THEN 'A' ELSE 'B' END AS site FROM ("
            + duckRows("d", 0, 60, "VARCHAR", "FLOAT", ", i")
            + ")) TO '"
            + out
            + "' (FORMAT PARQUET, PARTITION_BY (site))");
    assertThat(out.resolve("site=A")).isDirectory();

    ValidatedInput input = read(out);

    assertReadsExactly(input, expected("d", 0, 60));
    assertThat(rowsBySite(input)).containsExactly(Map.entry("A", 30L), Map.entry("B", 30L));
  }

  @Test
  void pyarrowThreeLevelListsAndLegacyTwoLevelLists() throws Exception {
    writeParquetHadoop(siteFile("lists", "A"), THREE_LEVEL, "p", 0, 25);
    writeParquetHadoop(siteFile("lists", "B"), TWO_LEVEL, "p", 25, 50);

    ValidatedInput input = read(dir.resolve("lists"));

    assertReadsExactly(input, expected("p", 0, 50));
    assertThat(rowsBySite(input)).containsExactly(Map.entry("A", 25L), Map.entry("B", 25L));
  }

  @Test
  void nestedPartitionFolders() throws Exception {
    Path root = dir.resolve("nested");
    writeParquetHadoop(
        root.resolve("site=A/date=2026-01-01/part.parquet"), THREE_LEVEL, "n", 0, 10);
    writeParquetHadoop(
        root.resolve("site=A/date=2026-01-02/part.parquet"), THREE_LEVEL, "n", 10, 20);
    writeParquetHadoop(
        root.resolve("site=B/date=2026-01-01/part.parquet"), THREE_LEVEL, "n", 20, 30);

    ValidatedInput input = read(root);

    assertReadsExactly(input, expected("n", 0, 30));
    assertThat(rowsBySite(input)).containsExactly(Map.entry("A", 20L), Map.entry("B", 10L));
  }

  @Test
  void numericSiteFoldersKeepTheirNames() throws Exception {
    writeParquetHadoop(siteFile("numeric", "007"), THREE_LEVEL, "s", 0, 10);
    writeParquetHadoop(siteFile("numeric", "012"), THREE_LEVEL, "s", 10, 20);

    ValidatedInput input = read(dir.resolve("numeric"));

    assertThat(rowsBySite(input)).containsExactly(Map.entry("007", 10L), Map.entry("012", 10L));
  }

  @Test
  void manySmallFiles() throws Exception {
    Path root = dir.resolve("many");
    for (int k = 0; k < 200; k++) {
      writeParquetHadoop(
          root.resolve("site=S" + (k % 4) + "/part-" + k + ".parquet"),
          THREE_LEVEL,
          "m",
          2 * k,
          2 * k + 2);
    }

    ValidatedInput input = read(root);

    assertThat(input.files()).hasSize(200);
    assertReadsExactly(input, expected("m", 0, 400));
    assertThat(rowsBySite(input))
        .hasSize(4)
        .allSatisfy((site, rows) -> assertThat(rows).isEqualTo(100));
  }

  @Test
  void aColumnOnlyOneSiteHasIsReadAndNullElsewhere() throws Exception {
    // Site B alone exports patient ids and a column WSCA does not use.
    duckdb(
        "COPY ("
            + duckRows("e", 0, 20, "VARCHAR", "FLOAT", "")
            + ") TO '"
            + siteFile("extra", "A")
            + "' (FORMAT PARQUET)",
        "COPY ("
            + duckRows(
                "e",
                20,
                40,
                "VARCHAR",
                "FLOAT",
                ", 'patient' || (i // 2) AS patient_id, 'x' AS device")
            + ") TO '"
            + siteFile("extra", "B")
            + "' (FORMAT PARQUET)");

    ValidatedInput input = read(dir.resolve("extra"), "input.columns.patient-id=patient_id");

    assertReadsExactly(input, expected("e", 0, 40));
    Map<String, Long> withPatient = new TreeMap<>();
    for (Row r :
        input
            .valid()
            .filter(Canonical.PATIENT_ID + " IS NOT NULL")
            .groupBy(Canonical.SITE)
            .count()
            .collectAsList()) {
      withPatient.put(r.getString(0), r.getLong(1));
    }
    assertThat(withPatient).containsExactly(Map.entry("B", 20L));
  }

  @Test
  void intAndBigintLabelsAndFloatAndDoubleListsAreWidened() throws Exception {
    duckdb(
        "COPY ("
            + duckRows("w", 0, 20, "INTEGER", "FLOAT", "")
            + ") TO '"
            + siteFile("widths", "A")
            + "' (FORMAT PARQUET)",
        "COPY ("
            + duckRows("w", 20, 40, "BIGINT", "DOUBLE", "")
            + ") TO '"
            + siteFile("widths", "B")
            + "' (FORMAT PARQUET)");

    ValidatedInput input = read(dir.resolve("widths"));

    assertReadsExactly(input, expected("w", 0, 40));
    assertThat(rowsBySite(input)).containsExactly(Map.entry("A", 20L), Map.entry("B", 20L));
    List<Row> labels =
        input.valid().groupBy(Canonical.LABEL).count().orderBy(Canonical.LABEL).collectAsList();
    assertThat(labels)
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("0=20", "1=20");
    Row b = input.valid().filter(Canonical.SAMPLE_ID + " = 'w25'").first();
    assertThat(b.<String>getAs(Canonical.SOURCE_FILE)).contains("/site=B/");
  }

  @Test
  void labelsOfDifferentKindsAtTwoSitesFailNamingBothSchemas() throws Exception {
    duckdb(
        "COPY ("
            + duckRows("k", 0, 20, "VARCHAR", "FLOAT", "")
            + ") TO '"
            + siteFile("kinds", "A")
            + "' (FORMAT PARQUET)",
        "COPY ("
            + duckRows("k", 20, 40, "INTEGER", "FLOAT", "")
            + ") TO '"
            + siteFile("kinds", "B")
            + "' (FORMAT PARQUET)");

    assertThatThrownBy(() -> read(dir.resolve("kinds")))
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("Column 'label' is string in site=A (file ")
        .hasMessageContaining("but int in site=B (file ")
        .hasMessageContaining("struct<sample_id:string,label:string,")
        .hasMessageContaining("struct<sample_id:string,label:int,")
        .hasMessageContaining("Fix: export 'label' with one type at every site");
  }
}
