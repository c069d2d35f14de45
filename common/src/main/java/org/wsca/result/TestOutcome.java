package org.wsca.result;

import java.util.Map;
import java.util.Optional;
import org.wsca.math.Testability;
import org.wsca.method.Kind;
import org.wsca.method.NullDistribution;
import org.wsca.method.Role;
import org.wsca.method.Verdict;

/**
 * One row of the tests table: a metadata task in a scope, its use (T, p) next to its presence.
 * {@code skipReason} is present when the test could not run; q, Holm p and the verdict are filled
 * once all tests of the run are known (until then q and Holm p are NaN and the verdict NOT_TESTED).
 * Absent values follow one convention in the result records: an empty {@link Optional} for an
 * absent object, NaN for an absent number. {@code headSeparable}: the task's head classifies every
 * training row right (see {@code org.wsca.audit.FittedHead}). {@code dependence} is the
 * decision-dependence test (docs/method.md section 11) on which the verdict's claim of use rests.
 */
public record TestOutcome(
    String task,
    String scope,
    Role role,
    Kind kind,
    Optional<String> skipReason,
    Map<String, Long> trainCounts,
    long rowsMissingValue,
    Presence presence,
    boolean headConverged,
    boolean headSeparable,
    double t,
    double rms,
    Optional<NullDistribution> nulls,
    double p,
    double q,
    double holm,
    Verdict verdict,
    Optional<Testability> testability,
    Dependence dependence) {

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
        Optional.of(reason),
        trainCounts,
        rowsMissingValue,
        Presence.none(Map.of()),
        false,
        false,
        Double.NaN,
        Double.NaN,
        Optional.empty(),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Verdict.NOT_TESTED,
        Optional.empty(),
        Dependence.notRun());
  }

  /** The first step of a tested outcome: which task, in which scope. */
  public static Counting of(String task, String scope, Role role, Kind kind) {
    return new Counting(task, scope, role, kind);
  }

  /** Step 2: the task's training rows per class and its rows missing the value. */
  public record Counting(String task, String scope, Role role, Kind kind) {
    public Measuring counted(Map<String, Long> trainCounts, long rowsMissingValue) {
      return new Measuring(this, trainCounts, rowsMissingValue);
    }
  }

  /** Step 3: the task head's presence on the test rows and how its fit ended. */
  public record Measuring(Counting id, Map<String, Long> trainCounts, long rowsMissingValue) {
    public Aligning measured(Presence presence, boolean headConverged, boolean headSeparable) {
      return new Aligning(this, presence, headConverged, headSeparable);
    }
  }

  /**
   * Step 4: the alignment T, its RMS and the permutation null, giving p. q, Holm p and the verdict
   * follow from {@link #withInference} once all tests of the run are known.
   */
  public record Aligning(
      Measuring counts, Presence presence, boolean headConverged, boolean headSeparable) {
    public TestOutcome aligned(double t, double rms, NullDistribution nulls) {
      return aligned(t, rms, nulls, null);
    }

    /** A test that ran, with what its permutations could move (docs/method.md section 6.3). */
    public TestOutcome aligned(
        double t, double rms, NullDistribution nulls, Testability testability) {
      // Exact p: T_0 from the null's own pass when the engine fitted permutation 0.
      double p = nulls.hasObserved() ? nulls.exactPValue() : nulls.pValue(t);
      return outcome(t, rms, Optional.empty(), Optional.of(nulls), p, testability);
    }

    /**
     * A test below the testability floor (docs/method.md section 6.3): presence and T are kept,
     * there is no null and no p, and the verdict stays NOT_TESTED with {@code reason}.
     */
    public TestOutcome untestable(double t, double rms, String reason, Testability testability) {
      return outcome(t, rms, Optional.of(reason), Optional.empty(), Double.NaN, testability);
    }

    private TestOutcome outcome(
        double t,
        double rms,
        Optional<String> skipReason,
        Optional<NullDistribution> nulls,
        double p,
        Testability testability) {
      Counting id = counts.id();
      return new TestOutcome(
          id.task(),
          id.scope(),
          id.role(),
          id.kind(),
          skipReason,
          counts.trainCounts(),
          counts.rowsMissingValue(),
          presence,
          headConverged,
          headSeparable,
          t,
          rms,
          nulls,
          p,
          Double.NaN,
          Double.NaN,
          Verdict.NOT_TESTED,
          Optional.ofNullable(testability),
          Dependence.notRun());
    }
  }

  /** The multiple-testing family of this test: its role's (docs/method.md section 6.4). */
  public String family() {
    return role.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The same measurements without a test: {@code reason} becomes the skip reason and p is dropped
   * (used when the heads did not converge, see {@code org.wsca.method.HeadConvergence}).
   */
  public TestOutcome notTested(String reason) {
    return copy(
        Optional.of(reason), Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_TESTED, dependence);
  }

  /** T of permutation 0, the statistic p refers to; NaN when the engine did not fit it. */
  public double tPermutationZero() {
    return nulls.map(NullDistribution::observed).orElse(Double.NaN);
  }

  public boolean tested() {
    return skipReason.isEmpty();
  }

  /** Why the verdict is NOT_TESTED: the test's skip reason, or the decision-dependence test's. */
  public Optional<String> notTestedReason() {
    return tested() ? dependence.skipReason() : skipReason;
  }

  public TestOutcome withInference(double q, double holm, Verdict verdict) {
    return copy(skipReason, p, q, holm, verdict, dependence);
  }

  /** The decision-dependence test of this task and scope (docs/method.md section 11). */
  public TestOutcome withDependence(Dependence test) {
    return copy(skipReason, p, q, holm, verdict, test);
  }

  /** This outcome with the fields a later step decides replaced; the measurements are kept. */
  private TestOutcome copy(
      Optional<String> skipReason,
      double p,
      double q,
      double holm,
      Verdict verdict,
      Dependence dependence) {
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
        verdict,
        testability,
        dependence);
  }
}
