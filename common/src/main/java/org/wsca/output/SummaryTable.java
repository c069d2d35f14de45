package org.wsca.output;

import java.util.List;
import java.util.Locale;
import org.wsca.result.TestOutcome;

/**
 * The plain-text summary a job prints: one line per metadata task and scope. T and p are WSC's
 * (docs/method.md sections 5 and 6); shift and q are the decision-dependence test's D (in sd) and
 * its q-value (section 11), on which the verdict rests.
 */
public final class SummaryTable {
  private static final String FORMAT = "%-18s %-12s %8s %7s %7s %7s %7s  %s%n";

  private SummaryTable() {}

  public static String format(List<TestOutcome> tests) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, FORMAT, "task", "scope", "presence", "T", "p", "shift", "q", "verdict"));
    for (TestOutcome t : tests) {
      out.append(
          String.format(
              Locale.ROOT,
              FORMAT,
              t.task(),
              t.scope(),
              number(t.presence().auroc()),
              number(t.t()),
              number(t.p()),
              number(t.dependence().shiftSd()),
              number(t.dependence().q()),
              t.notTestedReason().map(r -> "NOT_TESTED (" + r + ")").orElse(t.verdict().name())));
    }
    return out.toString();
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
