package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.run.AuditRun;

/**
 * A small audit (rows within permutation.driver-pass-max-mb) holds its rows in one partition, so
 * its scope jobs aggregate without a shuffle: one task each (docs/performance.md, "Small audits").
 */
class SmallAuditPartitionsTest extends SparkTestBase {
  private static final List<String> SCOPE_JOBS =
      List.of("covariance and PCA", "testability", "presence and separation");

  @TempDir Path dir;

  @Test
  void aSmallAuditRunsEachScopeJobAsOneTask() throws Exception {
    Map<String, Integer> tasks = scopeJobTasks("small");
    assertThat(tasks).isNotEmpty();
    assertThat(tasks).allSatisfy((job, count) -> assertThat(count).as(job).isEqualTo(1));
  }

  /** Without the small path the same jobs read the input's 4 partitions and shuffle. */
  @Test
  void anAuditAboveTheBudgetKeepsItsPartitions() throws Exception {
    Map<String, Integer> tasks = scopeJobTasks("large", "permutation.driver-pass-max-mb=0");
    assertThat(tasks).isNotEmpty();
    assertThat(tasks.values()).allSatisfy(count -> assertThat(count).isGreaterThan(1));
  }

  /** Tasks run per scope job, by job description and id. */
  private Map<String, Integer> scopeJobTasks(String name, String... settings) throws Exception {
    String data =
        Fixtures.demoData(spark(), dir.resolve(name), DemoData.Variant.BIASED, 8, 0.15, 4);
    Map<Integer, String> stageJobs = new ConcurrentHashMap<>();
    Map<String, Integer> tasks = new ConcurrentHashMap<>();
    // Tasks that ran: a job's stage list also names the cached input's stages it skips.
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            String description = start.properties().getProperty("spark.job.description", "");
            if (SCOPE_JOBS.stream().anyMatch(description::startsWith)) {
              String job = description + " #" + start.jobId();
              tasks.put(job, 0);
              // A stage shared by several jobs runs in the first that names it; the others skip it.
              for (var stage : scala.collection.JavaConverters.seqAsJavaList(start.stageInfos())) {
                stageJobs.putIfAbsent(stage.stageId(), job);
              }
            }
          }

          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            String job = stageJobs.get(end.stageId());
            if (job != null) {
              tasks.merge(job, 1, Integer::sum);
            }
          }
        };
    spark().sparkContext().addSparkListener(listener);
    try {
      List<String> all = new ArrayList<>(List.of("permutation.count=19", "scopes.per-site=false"));
      all.addAll(List.of(settings));
      new AuditRun(
              spark(),
              Fixtures.demoSettings(data, dir.resolve(name + "-out"), all.toArray(String[]::new)))
          .execute();
      spark().sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark().sparkContext().removeSparkListener(listener);
    }
    return tasks;
  }
}
