package org.wsca.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Redaction;

/** Secrets in the Spark/Hadoop configuration and hostile values in the data stay contained. */
class SecurityTest extends SparkTestBase {
  private static final String S3_SECRET = "SUPERSECRET123";
  private static final String PASSWORD = "hunter2-not-for-logs";

  /** Started before the session, so Spark's own start-up logging is captured too. */
  private static CapturedLogs logs;

  @TempDir Path dir;

  @BeforeAll
  static void captureLogs() {
    logs = new CapturedLogs();
    // Spark logs its whole configuration at start-up with spark.logConf (below), at INFO.
    Configurator.setLevel("org.apache.spark.SparkContext", Level.INFO);
  }

  @AfterAll
  static void stopCapturing() {
    Configurator.setLevel("org.apache.spark.SparkContext", Level.WARN);
    logs.close();
  }

  @Override
  public SparkConf conf() {
    return super.conf()
        .set("spark.logConf", "true")
        .set("spark.hadoop.fs.s3a.secret.key", S3_SECRET)
        .set("spark.my.password", PASSWORD);
  }

  @Test
  void secretsOfTheSparkAndHadoopConfigurationAreNeitherRecordedNorLogged() throws IOException {
    assertThat(spark().sparkContext().hadoopConfiguration().get("fs.s3a.secret.key"))
        .as("the secret reached the Hadoop configuration")
        .isEqualTo(S3_SECRET);
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    Path out = dir.resolve("out");
    AuditResult result =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(
                    data,
                    out,
                    "scopes.per-site=false",
                    "permutation.count=19",
                    "input.metadata=[{name=scanner, kind=categorical}]"))
            .execute();

    Row manifest = spark().read().parquet(result.outputPath() + "/manifest").first();
    Map<String, String> conf = manifest.getJavaMap(manifest.fieldIndex("spark_conf"));
    assertThat(conf)
        .containsEntry("spark.hadoop.fs.s3a.secret.key", Redaction.REDACTED)
        .containsEntry("spark.my.password", Redaction.REDACTED)
        .containsEntry("spark.master", "local[2]");
    assertThat(manifest.toString()).doesNotContain(S3_SECRET, PASSWORD);
    for (Path file : filesUnder(out)) {
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
          .as(file.toString())
          .doesNotContain(S3_SECRET, PASSWORD);
    }
    String logged = logs.text();
    assertThat(logged)
        .as("what was logged")
        .contains("Spark configuration (secrets redacted)")
        .contains("spark.hadoop.fs.s3a.secret.key")
        .doesNotContain(S3_SECRET, PASSWORD);
  }

  @Test
  void siteNamesThatLookLikePathsStayValuesInsideTheOutputRoot() throws IOException {
    String demo = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    String data = dir.resolve("hostile").toString();
    spark()
        .read()
        .parquet(demo)
        .withColumn(
            "site",
            when(col("site").equalTo("siteA"), "../x")
                .when(col("site").equalTo("siteB"), "a/b")
                .otherwise("/tmp/abs"))
        .write()
        .parquet(data);
    Path out = dir.resolve("deep/out");
    List<Path> before = filesUnder(dir);

    AuditResult result =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(
                    data,
                    out,
                    "permutation.count=19",
                    "input.metadata=[{name=scanner, kind=categorical}]"))
            .execute();

    assertThat(
            spark()
                .read()
                .parquet(result.outputPath() + "/tests")
                .select("scope")
                .distinct()
                .orderBy("scope")
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("pooled", "site=../x", "site=/tmp/abs", "site=a/b");
    List<Path> written = filesUnder(dir).stream().filter(p -> !before.contains(p)).toList();
    assertThat(written)
        .isNotEmpty()
        .allSatisfy(
            p ->
                assertThat(
                        p.normalize().startsWith(out.resolve("test"))
                            || p.normalize().startsWith(out.resolve("history")))
                    .as(p.toString())
                    .isTrue());
    assertThat(dir.resolve("deep/x")).doesNotExist();
    assertThat(Path.of("/tmp/abs")).doesNotExist();
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList();
    }
  }
}
