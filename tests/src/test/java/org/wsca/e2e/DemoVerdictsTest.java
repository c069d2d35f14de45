package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.method.Verdict;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;

/**
 * The paper's induced-shortcut validation (docs/method.md section 9) end to end on generated data:
 * when each plane comes mostly from one scanner the decision aligns with the scanner; when the
 * scanner is balanced it is encoded but not used; the clinical factor is used in both.
 */
class DemoVerdictsTest extends SparkTestBase {
  @TempDir Path dir;

  private AuditResult audit(DemoData.Variant variant) {
    String data = Fixtures.demoData(spark(), dir, variant, 32, 1.0, 4);
    return new AuditRun(
            spark(),
            Fixtures.demoSettings(
                data, dir.resolve("out"), "scopes.per-site=false", "permutation.count=39"))
        .execute();
  }

  private static TestOutcome pooled(AuditResult result, String task) {
    return result.tests().stream()
        .filter(t -> t.task().equals(task) && t.scope().equals("pooled"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void biasedScannerIsAShortcutRisk() {
    AuditResult result = audit(DemoData.Variant.BIASED);
    TestOutcome scanner = pooled(result, "scanner");
    assertThat(scanner.verdict()).isEqualTo(Verdict.SHORTCUT_RISK);
    assertThat(pooled(result, "gestational_age").verdict()).isEqualTo(Verdict.USES_CLINICAL_SIGNAL);
    // The committed tests table says the same as the in-memory result.
    Row row =
        spark()
            .read()
            .parquet(result.outputPath() + "/tests")
            .filter("task = 'scanner' AND scope = 'pooled'")
            .first();
    assertThat(row.<String>getAs("verdict")).isEqualTo("SHORTCUT_RISK");
    assertThat(row.<Double>getAs("t")).isEqualTo(scanner.t());
  }

  @Test
  void balancedScannerIsEncodedButNotUsed() {
    AuditResult result = audit(DemoData.Variant.BALANCED);
    TestOutcome scanner = pooled(result, "scanner");
    assertThat(scanner.verdict()).isEqualTo(Verdict.ENCODED_NOT_USED);
    assertThat(scanner.presence().auroc()).isGreaterThanOrEqualTo(0.8);
    assertThat(pooled(result, "gestational_age").verdict()).isEqualTo(Verdict.USES_CLINICAL_SIGNAL);
  }
}
