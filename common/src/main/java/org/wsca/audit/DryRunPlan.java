package org.wsca.audit;

import java.util.List;
import java.util.Map;
import org.wsca.method.Kind;
import org.wsca.method.Role;

/** What {@link DryRun} found: the input after validation and what the audit would do with it. */
public record DryRunPlan(
    int inputFiles,
    long rowsRead,
    long rowsRejected,
    Map<String, Long> rejectsByReason,
    int dimension,
    long rowsTrain,
    long rowsTest,
    List<ScopePlan> scopes,
    int permutations,
    String outputRoot) {

  /**
   * A scope: its primary label's training rows per class, and why it would be skipped (or null).
   */
  public record ScopePlan(
      String scope, Map<String, Long> primaryCounts, String skipReason, List<TaskPlan> tasks) {}

  /** A metadata task in a scope: training rows per class, and why it would not be tested. */
  public record TaskPlan(
      String task,
      Kind kind,
      Role role,
      Map<String, Long> trainCounts,
      long rowsMissingValue,
      String skipReason) {
    public boolean testable() {
      return skipReason == null;
    }
  }

  /** The tests the audit would run (each with {@link #permutations} refits). */
  public long testsToRun() {
    return scopes.stream().flatMap(s -> s.tasks().stream()).filter(TaskPlan::testable).count();
  }

  public long testsSkipped() {
    return scopes.stream().flatMap(s -> s.tasks().stream()).filter(t -> !t.testable()).count();
  }

  /** The plan as the console shows it. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Input: %d file(s), %d rows read, %d rejected, embedding dimension %d%n",
            inputFiles, rowsRead, rowsRejected, dimension));
    rejectsByReason.forEach(
        (reason, n) -> out.append(String.format("  rejected %d: %s%n", n, reason)));
    out.append(String.format("Split: %d training rows, %d test rows%n", rowsTrain, rowsTest));
    for (ScopePlan s : scopes) {
      out.append(String.format("Scope %s: primary label %s%n", s.scope(), s.primaryCounts()));
      if (s.skipReason() != null) {
        out.append(String.format("  skipped: %s%n", s.skipReason()));
      }
      for (TaskPlan t : s.tasks()) {
        out.append(
            String.format(
                "  %-20s %s %s, training rows per class %s%s: %s%n",
                t.task(),
                t.kind().name().toLowerCase(),
                t.role().name().toLowerCase(),
                t.trainCounts(),
                t.rowsMissingValue() > 0
                    ? " (" + t.rowsMissingValue() + " rows without a value)"
                    : "",
                t.testable() ? "TESTED" : "NOT_TESTED (" + t.skipReason() + ")"));
      }
    }
    out.append(
        String.format(
            "The audit would run %d test(s) with %d permutations each and skip %d;"
                + " results would go to %s/<run id>/. Nothing was written.%n",
            testsToRun(), permutations, testsSkipped(), outputRoot));
    return out.toString();
  }
}
