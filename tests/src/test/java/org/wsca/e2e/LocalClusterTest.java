package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.method.Verdict;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;

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
}
