package org.wsca.study;

/**
 * One scenario's test on one seeded data set: the pooled-scope WSC p-value, T and presence AUROC,
 * and (from issue 12 on) the verdict, the decision-dependence shift D in sd with its p and q, the
 * multiple-testing family and the dependence test's skip reason. {@code p} is NaN when the audit
 * could not run the WSC test ({@code skipReason} says why); the dependence numbers are NaN when it
 * did not run ({@code dependenceSkipReason}). Tables written before issue 12 have no verdict ("").
 */
public record DatasetOutcome(
    String scenario,
    String strata,
    int dataset,
    long seed,
    double p,
    double t,
    double presenceAuroc,
    int nullNonConverged,
    String skipReason,
    String verdict,
    double dependenceShiftSd,
    double dependenceP,
    double dependenceQ,
    String family,
    String dependenceSkipReason) {

  /** An outcome of a table without verdicts (written before issue 12). */
  public DatasetOutcome(
      String scenario,
      String strata,
      int dataset,
      long seed,
      double p,
      double t,
      double presenceAuroc,
      int nullNonConverged,
      String skipReason) {
    this(
        scenario,
        strata,
        dataset,
        seed,
        p,
        t,
        presenceAuroc,
        nullNonConverged,
        skipReason,
        "",
        Double.NaN,
        Double.NaN,
        Double.NaN,
        "",
        null);
  }

  public boolean tested() {
    return skipReason == null;
  }

  public boolean rejected(double alpha) {
    return tested() && p <= alpha;
  }

  /** The verdict claims use: SHORTCUT_RISK or USES_CLINICAL_SIGNAL. */
  public boolean useClaimed() {
    return Measure.USE_VERDICTS.contains(verdict);
  }

  /** Whether the decision-dependence test ran and p <= alpha (the raw test, before BH and D). */
  public boolean dependenceRejected(double alpha) {
    return !Double.isNaN(dependenceP) && dependenceP <= alpha;
  }

  /** Why the verdict is NOT_TESTED: the WSC test's reason, else the dependence test's; or null. */
  public String notTestedReason() {
    return skipReason != null ? skipReason : dependenceSkipReason;
  }
}
