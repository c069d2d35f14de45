package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.study.CalibrationResult;
import org.wsca.study.CalibrationStudy;
import org.wsca.study.DatasetOutcome;
import org.wsca.study.Scenario;
import org.wsca.study.ScenarioSummary;
import org.wsca.study.Scenarios;
import org.wsca.study.StudySettings;

/**
 * The calibration study, reduced: {@value #DATASETS} seeded small data sets (biased design, scale
 * {@value #SCALE}, d = {@value #DIMENSION}, B = {@value #B}), each audited once in the pooled scope
 * with two tasks: scenario (i), a label drawn independently of everything, and scenario (iii), the
 * scanner that the plane is confounded with. With B = 19 the smallest p-value is 1/20 = 0.05, so a
 * test rejects at alpha = 0.05 only when T beats all 19 permuted heads; under H0 that has
 * probability exactly 1/20 and p is uniform on {1/20, ..., 20/20}.
 *
 * <p>Bounds, each with probability below 1e-3 of failing over the choice of seeds when the method
 * is right (X = rejections among n = 12 independent data sets):
 *
 * <ul>
 *   <li>(i), a true null with rate 0.05: P(X >= 5) = 1 - sum_{j<=4} C(12,j) 0.05^j 0.95^(12-j) =
 *       1.8e-4, so at most 4 rejections are allowed. A null that is too easy to beat (null heads
 *       weaker than the observed head, labels not exchangeable) rejects far more often.
 *   <li>(i), the mean p: under H0 p has mean 0.525 and sd sqrt(399/4800) = 0.288, so the mean of 12
 *       has sd 0.083 and |mean - 0.525| <= 0.3 fails with probability 3e-4 (normal approximation,
 *       3.6 sd). This catches a null that is too hard to beat (p near 1 always), which the
 *       rejection bound cannot.
 *   <li>(iii), power of at least 0.8 (the study's target): P(X <= 4) = sum_{j<=4} C(12,j) 0.8^j
 *       0.2^(12-j) = 5.8e-4, so at least 5 rejections are required.
 * </ul>
 *
 * Computed with {@code python3 -c "from math import comb; n=12;
 * print(sum(comb(n,j)*.05**j*.95**(n-j) for j in range(5,n+1)), sum(comb(n,j)*.8**j*.2**(n-j) for j
 * in range(5)))"}. The study's scale is 0.5 because at 0.25 the shortcut's power with B = 19
 * measured only 14/24.
 */
class CalibrationSmokeTest extends SparkTestBase {
  static final int DATASETS = 12;
  static final int B = 19;
  static final double SCALE = 0.5;
  static final int DIMENSION = 16;
  static final int MAX_NULL_REJECTIONS = 4;
  static final int MIN_SHORTCUT_REJECTIONS = 5;

  @TempDir Path dir;

  @Test
  void nullRejectsAtItsLevelAndTheShortcutIsFound() throws Exception {
    Scenario noise = Scenarios.notEncoded(DemoData.Variant.BIASED, List.of("site"));
    Scenario shortcut = Scenarios.shortcut(List.of("site"));
    StudySettings settings =
        new StudySettings(
            DATASETS,
            B,
            SCALE,
            DIMENSION,
            3,
            5000,
            Scenarios.ALPHA,
            dir.resolve("study").toString(),
            List.of(noise, shortcut));

    CalibrationResult result = new CalibrationStudy(spark(), settings).execute();

    assertThat(result.outcomes())
        .hasSize(2 * DATASETS)
        .allSatisfy(
            o -> {
              assertThat(o.tested()).isTrue();
              assertThat(o.p()).isBetween(1.0 / (B + 1), 1.0);
            });
    ScenarioSummary nullRow = result.summaries().get(0);
    ScenarioSummary powerRow = result.summaries().get(1);
    assertThat(nullRow.scenario()).isEqualTo("not-encoded");
    assertThat(nullRow.datasets()).isEqualTo(DATASETS);
    assertThat(nullRow.rejections()).isLessThanOrEqualTo(MAX_NULL_REJECTIONS);
    assertThat(powerRow.scenario()).isEqualTo("shortcut");
    assertThat(powerRow.rejections()).isGreaterThanOrEqualTo(MIN_SHORTCUT_REJECTIONS);
    List<DatasetOutcome> nulls =
        result.outcomes().stream().filter(o -> o.scenario().equals("not-encoded")).toList();
    assertThat(nulls.stream().mapToDouble(DatasetOutcome::p).average().orElseThrow())
        .isBetween(0.525 - 0.3, 0.525 + 0.3);
    // The noise label is not in the embedding: its probe decodes at chance on average.
    assertThat(nulls.stream().mapToDouble(DatasetOutcome::presenceAuroc).average().orElseThrow())
        .isBetween(0.4, 0.6);
    Path out = dir.resolve("study");
    assertThat(out.resolve("summary.csv")).exists();
    assertThat(out.resolve("summary.json")).exists();
    assertThat(Files.readAllLines(out.resolve("datasets.csv"))).hasSize(1 + 2 * DATASETS);
    // The per-data-set inputs and audits are deleted once counted.
    assertThat(out.resolve("work")).doesNotExist();
  }
}
