package org.wsca.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.examples.ToWscaLayout;
import org.wsca.input.InputReader;
import org.wsca.input.ValidatedInput;
import org.wsca.method.Verdict;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;

/**
 * The README's "Your own data": a model's output (an embeddings Parquet file and a metadata CSV)
 * turned into the input layout by the DuckDB SQL of docs/examples and by the Spark example, both
 * read back under conf/audit.conf as it stands (only the paths point into the test's folder), and
 * one of them audited to a report.
 */
class OwnDataExampleTest extends SparkTestBase {
  @TempDir Path dir;

  private static Path checkout() {
    return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
  }

  /** What a model export looks like: embeddings by image id, and a metadata table. */
  private long modelOutput() throws IOException {
    String demo = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 16, 0.25, 2);
    Dataset<Row> rows = spark().read().parquet(demo);
    singleFile(
        rows.select(col("sample_id").as("image_id"), col("embedding")),
        "parquet",
        dir.resolve("model-output/embeddings.parquet"));
    singleFile(
        rows.select(
            col("sample_id").as("image_id"),
            col("patient_id"),
            col("site").as("hospital"),
            col("plane").as("diagnosis"),
            col("scanner").as("scanner_model"),
            col("gestational_age").as("age")),
        "csv",
        dir.resolve("model-output/metadata.csv"));
    return rows.count();
  }

  private void singleFile(Dataset<Row> rows, String format, Path file) throws IOException {
    Path folder = dir.resolve("tmp-" + file.getFileName());
    rows.coalesce(1).write().format(format).option("header", "true").save(folder.toString());
    try (Stream<Path> parts = Files.list(folder)) {
      Path part =
          parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().get();
      Files.createDirectories(file.getParent());
      Files.move(part, file);
    }
  }

  private Settings auditConf(String input, String... more) {
    List<String> overrides =
        new java.util.ArrayList<>(
            List.of(
                "input.paths=[\"" + input + "\"]", "output.root=\"" + dir.resolve("out") + "\""));
    overrides.addAll(List.of(more));
    return SettingsLoader.load(Optional.of(checkout().resolve("conf/audit.conf")), overrides);
  }

  private void assertReadsCleanly(String input, long rows) {
    ValidatedInput read = new InputReader(spark(), auditConf(input).input()).read();
    try {
      assertThat(read.rowsRead()).isEqualTo(rows);
      assertThat(read.rowsRejected()).isZero();
      assertThat(read.dimension()).isEqualTo(16);
      assertThat(read.valid().select("site").distinct().count()).isEqualTo(3);
    } finally {
      read.release();
    }
  }

  @Test
  void theDuckDbExampleWritesTheLayoutThatConfAuditConfAuditsToAReport() throws Exception {
    long rows = modelOutput();
    String sql =
        Files.readString(checkout().resolve("docs/examples/to-wsca-layout.sql"))
            .replace("'model-output/", "'" + dir.resolve("model-output") + "/")
            .replace("'data/embeddings'", "'" + dir.resolve("duck/embeddings") + "'");

    Files.createDirectories(dir.resolve("duck")); // as the README's mkdir -p data
    ForeignRows.duckdb(sql);

    String input = dir.resolve("duck/embeddings").toString();
    assertThat(dir.resolve("duck/embeddings")).isDirectoryContaining("glob:**/site=*");
    assertReadsCleanly(input, rows);
    AuditResult result =
        new AuditRun(spark(), auditConf(input, "permutation.count=19", "scopes.per-site=false"))
            .execute();
    assertThat(result.tests())
        .extracting(t -> t.task() + "/" + t.scope())
        .containsExactly("scanner/pooled", "age/pooled");
    assertThat(result.tests()).noneMatch(t -> t.verdict() == Verdict.NOT_TESTED);
    assertThat(Paths.get(java.net.URI.create(result.outputPath())).resolve("report.html"))
        .isNotEmptyFile();
  }

  @Test
  void theSparkExampleWritesTheSameLayout() throws Exception {
    long rows = modelOutput();
    String input = dir.resolve("spark/embeddings").toString();

    ToWscaLayout.write(
        spark(),
        dir.resolve("model-output/embeddings.parquet").toString(),
        dir.resolve("model-output/metadata.csv").toString(),
        input);

    assertReadsCleanly(input, rows);
  }
}
