package org.wsca.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsca.output.HistoryRow;

class TrendTest {
  private static final List<String> SITES = List.of("A");

  private static HistoryRow row(String run, String finished, String scope, double t) {
    return new HistoryRow(run, finished, "scanner", scope, t, 0.5, 0.5, "ENCODED_NOT_USED");
  }

  /** This run's T: 0.55 pooled, 0.12 at site A (see ReportFixtures). */
  private static Trend trend(List<HistoryRow> history, int runs, double threshold) {
    return Trend.of(
        history,
        ReportFixtures.RUN_ID,
        ReportFixtures.result("scanner", List.of("E10", "S10", "E6"), SITES).tests(),
        runs,
        threshold);
  }

  @Test
  void showsTheLastRunsByFinishTimeWithThisRunLast() {
    List<HistoryRow> history =
        List.of(
            row("run-2", "2026-11-27T00:00:00Z", "pooled", 0.50),
            row("run-0", "2026-11-25T00:00:00Z", "pooled", 0.10),
            row("run-1", "2026-11-26T00:00:00Z", "pooled", 0.20));
    Trend trend = trend(history, 3, 0.1);
    assertThat(trend.runIds()).containsExactly("run-1", "run-2", ReportFixtures.RUN_ID);
    assertThat(trend.rows().get(0).t()).containsExactly(0.20, 0.50, 0.55);
  }

  @Test
  void flagsOnlyChangesBeyondTheThresholdSinceThePreviousRun() {
    List<HistoryRow> history =
        List.of(
            row("run-1", "2026-11-26T00:00:00Z", "pooled", 0.20),
            row("run-2", "2026-11-27T00:00:00Z", "pooled", 0.30),
            row("run-2", "2026-11-27T00:00:00Z", "site=A", 0.10));
    Trend trend = trend(history, 10, 0.1);
    Trend.Row pooled = trend.rows().get(0);
    Trend.Row siteA = trend.rows().get(1);
    assertThat(pooled.scope()).isEqualTo("pooled");
    assertThat(pooled.change()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(pooled.flagged()).isTrue();
    assertThat(siteA.change()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(siteA.flagged()).isFalse();
    assertThat(trend.flaggedCount()).isEqualTo(1);
  }

  @Test
  void aTestMissingFromThePreviousRunHasNoChange() {
    List<HistoryRow> history =
        List.of(
            row("run-1", "2026-11-26T00:00:00Z", "site=A", 0.90),
            row("run-2", "2026-11-27T00:00:00Z", "pooled", 0.55));
    Trend trend = trend(history, 10, 0.1);
    Trend.Row siteA = trend.rows().get(1);
    assertThat(siteA.t()).containsExactly(0.90, Double.NaN, 0.12);
    assertThat(siteA.change()).isNaN();
    assertThat(siteA.flagged()).isFalse();
  }

  @Test
  void rowsOfThisRunIdAreIgnoredAndNoHistoryMeansNoChange() {
    Trend trend =
        trend(List.of(row(ReportFixtures.RUN_ID, "2026-11-27T00:00:00Z", "pooled", 0.0)), 10, 0.1);
    assertThat(trend.runIds()).containsExactly(ReportFixtures.RUN_ID);
    assertThat(trend.hasHistory()).isFalse();
    assertThat(trend.rows()).allSatisfy(r -> assertThat(r.flagged()).isFalse());
  }

  @Test
  void aTestOnlyInHistoryStillShows() {
    HistoryRow old =
        new HistoryRow(
            "run-2",
            "2026-11-27T00:00:00Z",
            "age",
            "pooled",
            0.4,
            0.1,
            0.1,
            "USES_CLINICAL_SIGNAL");
    Trend trend = trend(List.of(old), 10, 0.1);
    assertThat(trend.rows())
        .anySatisfy(
            r -> {
              assertThat(r.task()).isEqualTo("age");
              assertThat(r.t()).containsExactly(0.4, Double.NaN);
            });
  }
}
