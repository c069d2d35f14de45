package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.audit.DryRun;
import org.wsca.audit.DryRunPlan;
import org.wsca.demo.DemoData;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * audit --dry-run says what the audit would do, writing nothing: the same tests run and skipped
 * (with the same reasons) and the same training rows per class as the audit then finds.
 */
class DryRunTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void theDryRunPredictsTheAuditsTestsAndClassCountsAndWritesNothing() {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    // 60 rows per class is more than a site has of some planes: some site scopes are skipped.
    Settings settings =
        Fixtures.demoSettings(
            data, dir.resolve("out"), "permutation.count=19", "scopes.min-rows-per-class=60");

    DryRunPlan plan = new DryRun(spark(), settings).execute();

    assertThat(dir.resolve("out")).doesNotExist();
    AuditResult audit = new AuditRun(spark(), settings).execute();
    Map<String, String> predicted = new LinkedHashMap<>();
    Map<String, Map<String, Long>> predictedCounts = new LinkedHashMap<>();
    for (DryRunPlan.ScopePlan s : plan.scopes()) {
      for (DryRunPlan.TaskPlan t : s.tasks()) {
        predicted.put(t.task() + "/" + s.scope(), String.valueOf(t.skipReason()));
        predictedCounts.put(t.task() + "/" + s.scope(), t.trainCounts());
      }
    }
    Map<String, String> actual = new LinkedHashMap<>();
    for (TestOutcome t : audit.tests()) {
      actual.put(t.task() + "/" + t.scope(), String.valueOf(t.skipReason().orElse(null)));
    }
    assertThat(predicted).isEqualTo(actual);
    assertThat(plan.testsSkipped()).as("the data skips some tests").isPositive();
    assertThat(plan.testsToRun()).as("and runs others").isPositive();
    for (TestOutcome t : audit.tests()) {
      if (!t.trainCounts().isEmpty()) {
        assertThat(predictedCounts.get(t.task() + "/" + t.scope()))
            .as("training rows per class of %s/%s", t.task(), t.scope())
            .containsExactlyInAnyOrderEntriesOf(t.trainCounts());
      }
    }
    assertThat(plan.rowsRead()).isEqualTo(audit.rowsRead());
    assertThat(plan.rowsTrain()).isEqualTo(audit.rowsTrain());
    assertThat(plan.rowsTest()).isEqualTo(audit.rowsTest());
    assertThat(plan.dimension()).isEqualTo(8);
    assertThat(plan.format())
        .contains("Scope pooled", "scanner", "NOT_TESTED (", "Nothing was written")
        .contains("The audit would run " + plan.testsToRun() + " test(s) with 19 permutations");
    assertThat(List.copyOf(predicted.keySet()))
        .contains("scanner/pooled", "gestational_age/pooled");
  }
}
