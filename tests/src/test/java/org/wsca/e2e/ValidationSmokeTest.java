package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.study.CalibrationResult;
import org.wsca.study.CalibrationStudy;
import org.wsca.study.DatasetOutcome;
import org.wsca.study.Scenario;
import org.wsca.study.Scenarios;
import org.wsca.study.StudySettings;

/**
 * Issue 12's validation through one whole audit of a seeded validation data set (4 images per
 * patient, 3,600 images, d = {@value #DIMENSION}, WSC B = 19, dependence B = 999) with its supplied
 * head: the grid column whose true shift is 1 sd gets SHORTCUT_RISK, and one scanner per site gets
 * NOT_TESTED with its reason.
 *
 * <p>Bound for the grid column: the audit's test rows are about 180 patients (720 images); the
 * estimated shift D has a standard error of at most 2 sqrt(2.5 / 720) = 0.12 sd (the factor 2.5 is
 * the design effect 1 + (4 - 1) x 0.5 of per-patient metadata with a within-patient correlation of
 * the logit below 0.5). A use verdict needs D >= 0.4 (verdict.min-shift-sd; 5 standard errors below
 * the truth: probability below 1e-6) and q <= 0.05; the only other test of the run is NOT_TESTED,
 * so q = p, and p = 0.001 unless one of 999 within-cell shuffles reaches D ~ 1, i.e. 8 null
 * standard errors (probability far below 1e-6 each). The realised D must also lie within 0.45 sd
 * (3.7 standard errors, probability 2e-4) of 1: the generator's shift is what the audit measures.
 * NOT_TESTED of one scanner per site is deterministic (the value is the site, nothing can be
 * permuted).
 */
class ValidationSmokeTest extends SparkTestBase {
  static final int DIMENSION = 16;

  @TempDir Path dir;

  @Test
  void oneSdShortcutIsFlaggedAndOneScannerPerSiteIsNotTested() {
    List<Scenario> scenarios =
        Scenarios.validation().stream()
            .filter(s -> List.of("shift-1.0", "one-scanner-per-site").contains(s.key()))
            .toList();
    StudySettings settings =
        new StudySettings(
            1,
            19,
            1.0,
            DIMENSION,
            3,
            7000,
            Scenarios.ALPHA,
            dir.resolve("study").toString(),
            scenarios,
            999);

    CalibrationResult result = new CalibrationStudy(spark(), settings).execute();

    assertThat(result.outcomes()).hasSize(2);
    DatasetOutcome grid = result.outcomes().get(0);
    assertThat(grid.scenario()).isEqualTo("shift-1.0");
    assertThat(grid.verdict()).isEqualTo("SHORTCUT_RISK");
    assertThat(grid.dependenceShiftSd()).isBetween(0.55, 1.45);
    assertThat(grid.dependenceP()).isEqualTo(0.001);
    assertThat(grid.family()).isEqualTo("confounder");
    DatasetOutcome oneScanner = result.outcomes().get(1);
    assertThat(oneScanner.verdict()).isEqualTo("NOT_TESTED");
    assertThat(oneScanner.notTestedReason()).contains("scanner_site");
    // shift-1.0 has no target (a point of the power curve); one scanner per site must be met.
    assertThat(result.summaries().get(0).rejections()).isEqualTo(1);
    assertThat(result.summaries().get(1).met()).isEqualTo("yes");
  }

  /**
   * The ReLU scenarios (real-network-shaped embeddings, the probe as clinical head) through one
   * whole audit: every head converges at the defaults (no null head unconverged, nothing
   * NOT_TESTED), and the noise task, independent of everything, is NOT_ENCODED. Bound: its presence
   * AUROC on about 720 test rows has a standard error near 0.02 under the null, so reaching the
   * gate of 0.60 is 5 standard errors away (probability below 1e-6).
   */
  @Test
  void reluNoiseIsNotEncodedAndEveryHeadConverges() {
    StudySettings settings =
        new StudySettings(
            1,
            19,
            1.0,
            64,
            3,
            5000,
            Scenarios.ALPHA,
            dir.resolve("relu").toString(),
            Scenarios.select(List.of("relu")),
            999);

    CalibrationResult result = new CalibrationStudy(spark(), settings).execute();

    assertThat(result.outcomes()).hasSize(2);
    for (DatasetOutcome o : result.outcomes()) {
      assertThat(o.nullNonConverged()).as(o.scenario()).isZero();
      assertThat(o.verdict()).as(o.scenario()).isNotEqualTo("NOT_TESTED");
    }
    DatasetOutcome noise = result.outcomes().get(0);
    assertThat(noise.scenario()).isEqualTo("relu-not-encoded");
    assertThat(noise.verdict()).isEqualTo("NOT_ENCODED");
    assertThat(result.summaries().get(0).met()).isEqualTo("yes");
  }
}
