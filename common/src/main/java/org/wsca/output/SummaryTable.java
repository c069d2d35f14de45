package org.wsca.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wsca.method.HeadConvergence;
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
    out.append(unconverged(tests));
    return out.toString();
  }

  /** A closing note when heads did not converge: those tests carry no verdict. */
  static String unconverged(List<TestOutcome> tests) {
    List<String> where = new ArrayList<>();
    for (TestOutcome t : tests) {
      if (HeadConvergence.isConvergenceSkip(t.skipReason().orElse(null))) {
        where.add("task=" + t.task() + " " + t.scope());
      }
    }
    if (where.isEmpty()) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%nHeads did not converge in %d test(s), which therefore have no verdict: %s.%n"
            + "Each skip_reason names the heads; raise wsca.heads.max-iter and run again.%n",
        where.size(),
        String.join(", ", where));
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
