package org.wsca.report;

import java.util.List;
import org.wsca.output.HistoryRow;
import org.wsca.output.Manifest;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.settings.Settings;

/**
 * Everything a report shows: this run's result and manifest, the settings it ran with, and the
 * history rows of earlier committed runs (any order; rows of this run id are ignored).
 */
public record ReportInput(
    AuditResult result, Manifest manifest, Settings settings, List<HistoryRow> previousRuns) {

  public ReportInput {
    previousRuns = List.copyOf(previousRuns);
  }

  /** A test whose BH q-value is within alpha: the figures highlight it. */
  boolean significant(TestOutcome test) {
    return test.tested() && test.q() <= settings.verdict().alpha();
  }

  List<TestOutcome> tested() {
    return result.tests().stream().filter(TestOutcome::tested).toList();
  }
}
