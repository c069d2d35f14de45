package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;

/**
 * Failed task attempts that Spark retries change nothing. local[2,4] lets a task fail up to 4
 * times; {@link FlakyFileSystem} fails the first attempt of every task that opens an input file,
 * deterministically and with a real IOException on the real read path. (Retries in the permutation
 * phase, after an executor is lost, are covered by {@link ExecutorLossTest}.)
 */
class TaskRetryTest extends SparkTestBase {
  @TempDir Path dir;

  @Override
  public SparkConf conf() {
    return super.conf()
        .setMaster("local[2,4]")
        .set("spark.hadoop.fs.file.impl", FlakyFileSystem.class.getName())
        .set("spark.hadoop.fs.file.impl.disable.cache", "true");
  }

  @Test
  void retriedTasksGiveTheResultsOfARunWithoutFailures() throws Exception {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    String[] small = {
      "permutation.count=19",
      "scopes.per-site=false",
      "input.metadata=[{name=scanner, kind=categorical, role=confounder}]"
    };
    AuditResult calm =
        new AuditRun(spark(), Fixtures.demoSettings(data, dir.resolve("calm"), small)).execute();
    AtomicInteger failedAttempts = new AtomicInteger();
    SparkListener counter =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
              failedAttempts.incrementAndGet();
            }
          }
        };
    spark().sparkContext().addSparkListener(counter);
    int injectedBefore = FlakyFileSystem.INJECTED.get();
    AuditResult retried;
    FlakyFileSystem.failUnder = data;
    try {
      retried =
          new AuditRun(spark(), Fixtures.demoSettings(data, dir.resolve("retried"), small))
              .execute();
    } finally {
      FlakyFileSystem.failUnder = null;
      spark().sparkContext().listenerBus().waitUntilEmpty();
      spark().sparkContext().removeSparkListener(counter);
    }

    assertThat(FlakyFileSystem.INJECTED.get() - injectedBefore)
        .as("injected failures")
        .isPositive();
    assertThat(failedAttempts.get()).as("failed task attempts Spark saw").isPositive();
    Tables.assertSameResults(
        Tables.read(spark(), retried.outputPath()), Tables.read(spark(), calm.outputPath()));
  }
}
