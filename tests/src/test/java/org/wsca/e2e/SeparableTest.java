package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.SettingsLoader;

/**
 * Site (here its scanner) perfectly separable from the embedding: L2 keeps every head finite,
 * including the batched engine's permuted heads, and the separation is flagged.
 */
class SeparableTest extends SparkTestBase {
  @TempDir Path dir;

  private static final StructType SCHEMA =
      Fixtures.stringsAndEmbedding("sample_id", "site", "label", "scanner");

  /**
   * Two sites 6 apart on the first coordinate (noise sd 0.5), one scanner per site; the label is a
   * coin flip, so the primary head cannot separate it.
   */
  private String separableSites() {
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      String site = i % 2 == 0 ? "A" : "B";
      double offset = site.equals("A") ? 3 : -3;
      double[] x = {
        offset + 0.5 * random.nextGaussian(),
        random.nextGaussian(),
        random.nextGaussian(),
        random.nextGaussian()
      };
      rows.add(
          RowFactory.create(
              "s" + i, site, random.nextBoolean() ? "yes" : "no", "scanner-" + site, x));
    }
    String path = dir.resolve("separable").toString();
    spark().createDataFrame(rows, SCHEMA).write().parquet(path);
    return path;
  }

  @Test
  void separableSitesGiveFiniteHeadsAndAreFlagged() throws Exception {
    String data = separableSites();
    String logs;
    AuditResult result;
    try (CapturedLogs captured = new CapturedLogs()) {
      // Strata [site] with one scanner per site: every permuted label vector would equal the
      // observed one, so the test is NOT_TESTED below the testability floor (docs/method.md 6.3)
      // and no permuted head is fitted; the observed head is still reported.
      result =
          new AuditRun(
                  spark(),
                  SettingsLoader.load(
                      Optional.empty(),
                      List.of(
                          "input.paths=[\"" + data + "\"]",
                          "output.root=\"" + dir.resolve("out") + "\"",
                          "output.run-id=sep",
                          "scopes.per-site=false",
                          "permutation.count=19",
                          "permutation.engine=batched",
                          "input.metadata=[{name=scanner, kind=categorical, role=confounder}]")))
              .execute();
      logs = captured.text();
    }

    Row scanner =
        spark().read().parquet(result.outputPath() + "/heads").filter("task = 'scanner'").first();
    Row primary =
        spark().read().parquet(result.outputPath() + "/heads").filter("task = 'primary'").first();
    assertThat(scanner.<Boolean>getAs("separable")).isTrue();
    assertThat(primary.<Boolean>getAs("separable")).as("a coin-flip label").isFalse();
    List<Double> coefficients =
        spark()
            .read()
            .parquet(result.outputPath() + "/heads")
            .filter("task = 'scanner'")
            .selectExpr("flatten(coefficients)")
            .first()
            .getList(0);
    assertThat(coefficients).hasSize(4).allMatch(Double::isFinite);

    Row test =
        spark().read().parquet(result.outputPath() + "/tests").filter("task = 'scanner'").first();
    assertThat(test.<Boolean>getAs("separable")).isTrue();
    assertThat(test.<String>getAs("verdict")).isEqualTo("NOT_TESTED");
    assertThat(test.<String>getAs("skip_reason"))
        .contains("task scanner takes one value within every permutation stratum")
        .contains("'A', 'B'")
        .contains("cannot separate scanner from site")
        .contains("Fix: set permutation.strata = []");
    assertThat(test.<Double>getAs("t")).isNotNull().isFinite();
    assertThat(test.<Long>getAs("movable_rows")).isZero();
    assertThat(test.<Integer>getAs("permutations")).isNull();
    assertThat(logs)
        .contains(
            "The head of task scanner in pooled classifies every training" + " row right",
            "wsca.heads.reg-param = 0.01",
            "separable = true");
  }
}
