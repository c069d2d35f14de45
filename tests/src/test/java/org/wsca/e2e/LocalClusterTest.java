package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.method.Verdict;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.run.DatasetAudit;
import org.wsca.run.ResultDatasets;

/**
 * A small audit in separate executor JVMs (local-cluster: a standalone master, a worker and two
 * executors), so closures, UDFs and mergeable states really cross process boundaries. The executors
 * load the project from the jar given to spark-submit.
 */
class LocalClusterTest {
  private static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void startCluster() {
    String jar = System.getProperty("wscatest.jobs.jar");
    assertThat(jar).as("wscatest.jobs.jar (set by the tests pom)").isNotNull();
    assertThat(Files.exists(Paths.get(jar))).as("jobs jar " + jar + " built").isTrue();
    String opens = System.getProperty("wscatest.java.opens", "");
    spark =
        SparkSession.builder()
            .master("local-cluster[2,1,1024]")
            .appName("wsca-local-cluster-test")
            .config("spark.ui.enabled", "false")
            .config("spark.jars", jar)
            .config("spark.executor.extraJavaOptions", opens)
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stopCluster() {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  @Test
  void auditsEndToEndInTwoExecutorJvms() {
    String data = Fixtures.demoData(spark, dir, DemoData.Variant.BIASED, 16, 0.5, 4);
    AuditResult result =
        new AuditRun(
                spark,
                Fixtures.demoSettings(
                    data, dir.resolve("out"), "scopes.per-site=false", "permutation.count=19"))
            .execute();

    long executorPids = spark.sparkContext().getExecutorMemoryStatus().size() - 1;
    assertThat(executorPids).isEqualTo(2);
    assertThat(result.tests())
        .anySatisfy(
            t -> {
              assertThat(t.task()).isEqualTo("scanner");
              assertThat(t.verdict()).isEqualTo(Verdict.SHORTCUT_RISK);
            });
    assertThat(spark.read().parquet(result.outputPath() + "/tests").count())
        .isEqualTo(result.tests().size());
  }

  @Test
  void theLibraryApiAuditsADatasetInMemoryAndReturnsTheTablesWritingNothing() {
    Dataset<Row> rows =
        new DemoData(DemoData.Variant.BIASED, 16, 3, 7, DemoData.Strengths.defaults(), 0.5)
            .generate(spark, 4);
    Path root = dir.resolve("api-out");
    DatasetAudit api =
        new DatasetAudit(
            spark,
            Fixtures.demoSettings(
                "not-read", root, "scopes.per-site=false", "permutation.count=19"));

    ResultDatasets tables = api.audit(rows);

    assertThat(root).doesNotExist();
    assertThat(tables.tests().count()).isEqualTo(tables.result().tests().size());
    Row scanner =
        tables.tests().filter("task = 'scanner' and scope = 'pooled'").select("verdict").first();
    assertThat(scanner.getString(0)).isEqualTo(Verdict.SHORTCUT_RISK.name());
    assertThat(tables.nulls().count()).isEqualTo(2 * 19);
    assertThat(tables.wsc().count()).isPositive();
    assertThat(tables.rejects().count()).isZero();

    ResultDatasets committed = api.auditAndCommit(rows);
    assertThat(Paths.get(java.net.URI.create(committed.result().outputPath())))
        .isDirectoryContaining("glob:**/_WSCA_COMMITTED")
        .isDirectoryContaining("glob:**/summary.json");
    assertThat(committed.tests().select("task", "verdict").orderBy("task").collectAsList())
        .isEqualTo(tables.tests().select("task", "verdict").orderBy("task").collectAsList());
    // Two runs differ in the last bits only: Spark adds partial sums in task-finishing order.
    List<Row> before = tables.tests().select("t").orderBy("task").collectAsList();
    List<Row> after = committed.tests().select("t").orderBy("task").collectAsList();
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i).getDouble(0)).isCloseTo(before.get(i).getDouble(0), within(1e-9));
    }
  }
}
