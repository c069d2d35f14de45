package org.wsca.result;

import java.util.Map;
import org.wsca.method.Kind;
import org.wsca.method.NullDistribution;
import org.wsca.method.Role;
import org.wsca.method.Verdict;

/**
 * One row of the tests table: a metadata task in a scope, its use (T, p) next to its presence.
 * {@code skipReason} is non-null when the test could not run; q, Holm p and the verdict are filled
 * once all tests of the run are known. {@code headSeparable}: the task's head classifies every
 * training row right (see {@code org.wsca.audit.FittedHead}).
 */
public record TestOutcome(
    String task,
    String scope,
    Role role,
    Kind kind,
    String skipReason,
    Map<String, Long> trainCounts,
    long rowsMissingValue,
    Presence presence,
    boolean headConverged,
    boolean headSeparable,
    double t,
    double rms,
    NullDistribution nulls,
    double p,
    double q,
    double holm,
    Verdict verdict) {

  public static TestOutcome skipped(
      String task,
      String scope,
      Role role,
      Kind kind,
      String reason,
      Map<String, Long> trainCounts,
      long rowsMissingValue) {
    return new TestOutcome(
        task,
        scope,
        role,
        kind,
        reason,
        trainCounts,
        rowsMissingValue,
        Presence.none(Map.of()),
        false,
        false,
        Double.NaN,
        Double.NaN,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Verdict.NOT_TESTED);
  }

  public boolean tested() {
    return skipReason == null;
  }

  public TestOutcome withInference(double q, double holm, Verdict verdict) {
    return new TestOutcome(
        task,
        scope,
        role,
        kind,
        skipReason,
        trainCounts,
        rowsMissingValue,
        presence,
        headConverged,
        headSeparable,
        t,
        rms,
        nulls,
        p,
        q,
        holm,
        verdict);
  }
}
