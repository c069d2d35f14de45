package org.wsca.study;

/**
 * One scenario's test on one seeded data set: the pooled-scope p-value, T and presence AUROC.
 * {@code p} is NaN when the audit could not run the test ({@code skipReason} says why).
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
    String skipReason) {

  public boolean tested() {
    return skipReason == null;
  }

  public boolean rejected(double alpha) {
    return tested() && p <= alpha;
  }
}
