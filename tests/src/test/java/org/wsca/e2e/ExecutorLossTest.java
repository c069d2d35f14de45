package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.demo.DemoData;
import org.wsca.output.RunCommitter;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * An executor JVM killed (SIGKILL) during the permutation phase, in local-cluster (a standalone
 * master, a worker and two executor JVMs). Its running tasks fail and its cached blocks are lost,
 * so Spark retries the tasks and recomputes the blocks from their lineage. The run must either
 * finish with exactly the results of an undisturbed run, or fail and leave those untouched.
 */
class ExecutorLossTest {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorLossTest.class);
  private static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void startCluster() throws InterruptedException {
    String jar = System.getProperty("wscatest.jobs.jar");
    assertThat(jar).as("wscatest.jobs.jar (set by the tests pom)").isNotNull();
    assertThat(Files.exists(Paths.get(jar))).as("jobs jar " + jar + " built").isTrue();
    spark =
        SparkSession.builder()
            .master("local-cluster[2,1,1024]")
            .appName("wsca-executor-loss-test")
            .config("spark.ui.enabled", "false")
            .config("spark.jars", jar)
            .config(
                "spark.executor.extraJavaOptions", System.getProperty("wscatest.java.opens", ""))
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    awaitExecutors(2, Duration.ofMinutes(1));
  }

  @AfterAll
  static void stopCluster() {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  private static void awaitExecutors(int count, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (spark.sparkContext().getExecutorMemoryStatus().size() - 1 < count) {
      assertThat(Instant.now()).as("%d executors registered", count).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /** Executor JVMs are children of the worker, which local-cluster runs in this JVM. */
  private static List<ProcessHandle> executorProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .toList();
  }

  /** Kills one executor JVM when the first permutation job starts. */
  private static final class Killer extends SparkListener {
    final AtomicLong killedPid = new AtomicLong(-1);
    final AtomicInteger executorsRemoved = new AtomicInteger();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      String description =
          start.properties() == null
              ? null
              : start.properties().getProperty("spark.job.description");
      if (description != null
          && description.startsWith("permutation batch")
          && killedPid.get() < 0) {
        List<ProcessHandle> executors = executorProcesses();
        if (!executors.isEmpty() && killedPid.compareAndSet(-1, executors.get(0).pid())) {
          LOG.info("Killing executor pid {} at job '{}'", executors.get(0).pid(), description);
          executors.get(0).destroyForcibly();
        }
      }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
      executorsRemoved.incrementAndGet();
    }
  }

  @Test
  void losingAnExecutorDuringPermutationsChangesNoResult() throws Exception {
    assertThat(executorProcesses()).as("executor JVMs under this JVM").hasSize(2);
    String data = Fixtures.demoData(spark, dir, DemoData.Variant.BIASED, 8, 0.15, 4);
    Settings settings =
        Fixtures.demoSettings(
            data,
            dir.resolve("out"),
            "scopes.per-site=false",
            "permutation.count=39",
            "input.metadata=[{name=scanner, kind=categorical, role=confounder}]");
    String run = new AuditRun(spark, settings).execute().outputPath();
    Map<String, List<List<Object>>> undisturbed = Tables.read(spark, run);

    Killer killer = new Killer();
    spark.sparkContext().addSparkListener(killer);
    Throwable failure;
    try {
      failure = catchThrowable(() -> new AuditRun(spark, settings).execute());
    } finally {
      spark.sparkContext().listenerBus().waitUntilEmpty();
      spark.sparkContext().removeSparkListener(killer);
    }

    long pid = killer.killedPid.get();
    assertThat(pid).as("an executor was killed during the permutation phase").isPositive();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(killer.executorsRemoved.get()).as("Spark saw the executor go").isPositive();
    // Either outcome is allowed; both must leave exactly the undisturbed results in place.
    LOG.info("Run with a killed executor {}", failure == null ? "completed" : "failed: " + failure);
    Tables.assertSameResults(Tables.read(spark, run), undisturbed);
    assertThat(Paths.get(java.net.URI.create(run)).resolve(RunCommitter.COMMITTED_MARKER)).exists();
    assertThat(dir.resolve("out/_staging")).doesNotExist();
  }
}
