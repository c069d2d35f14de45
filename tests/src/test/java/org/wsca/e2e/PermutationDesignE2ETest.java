package org.wsca.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.method.Verdict;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * docs/method.md sections 6.2 and 6.3 end to end: a task that does not vary within any stratum is
 * NOT_TESTED with the reason (never SHORTCUT_RISK), and whole-patient permutations give the same
 * results whatever the input's partitioning.
 */
class PermutationDesignE2ETest extends SparkTestBase {
  @TempDir Path dir;

  /** Demo data with one scanner per site and a per-patient task (cohort), in n partitions. */
  private String data(int partitions) {
    String demo =
        Fixtures.demoData(
            spark(), dir.resolve("demo" + partitions), DemoData.Variant.BIASED, 16, 0.3, 2);
    String path = dir.resolve("data" + partitions).toString();
    spark()
        .read()
        .parquet(demo)
        .withColumn("scanner", concat(lit("scanner-"), col("site")))
        .withColumn("cohort", concat(lit("c"), pmod(hash(col("patient_id")), lit(3))))
        .repartition(partitions)
        .write()
        .partitionBy("site")
        .parquet(path);
    return path;
  }

  private List<TestOutcome> audit(String data, String name, String... overrides) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "scopes.per-site=false",
                "permutation.count=19",
                "input.metadata=[{name=scanner, kind=categorical, role=confounder},"
                    + " {name=cohort, kind=categorical, role=clinical}]"));
    all.addAll(List.of(overrides));
    Settings settings =
        Fixtures.demoSettings(data, dir.resolve("out-" + name), all.toArray(new String[0]));
    return new AuditRun(spark(), settings).execute().tests();
  }

  private static TestOutcome test(List<TestOutcome> tests, String task) {
    return tests.stream().filter(t -> t.task().equals(task)).findFirst().orElseThrow();
  }

  @Test
  void oneScannerPerSiteIsNotTestedWithTheReason() {
    String data = data(2);
    List<TestOutcome> tests = audit(data, "site");
    TestOutcome scanner = test(tests, "scanner");
    assertThat(scanner.verdict()).isEqualTo(Verdict.NOT_TESTED);
    assertThat(scanner.skipReason().orElseThrow())
        .contains("task scanner takes one value per patient (whole patients move) within every")
        .contains("'siteA', 'siteB', 'siteC'")
        .contains("cannot separate scanner from site")
        .contains("permutation.strata = []");
    assertThat(tests).noneMatch(t -> t.verdict() == Verdict.SHORTCUT_RISK);
    // Without strata the scanner moves across sites and is tested (with the stated caveat).
    TestOutcome acrossSites = test(audit(data, "none", "permutation.strata=[]"), "scanner");
    assertThat(acrossSites.tested()).isTrue();
  }

  @Test
  void patientBlocksGiveTheSameResultsOnOneAndFourPartitions() {
    List<TestOutcome> one = audit(data(1), "one");
    List<TestOutcome> four = audit(data(4), "four");
    TestOutcome a = test(one, "cohort");
    TestOutcome b = test(four, "cohort");
    assertThat(a.tested()).isTrue();
    assertThat(b.p()).isEqualTo(a.p());
    assertThat(b.t()).isCloseTo(a.t(), Offset.offset(1e-9));
    double[] nullA = a.nulls().orElseThrow().statistics();
    double[] nullB = b.nulls().orElseThrow().statistics();
    for (int k = 0; k < nullA.length; k++) {
      assertThat(nullB[k]).isCloseTo(nullA[k], Offset.offset(1e-6));
    }
  }
}
