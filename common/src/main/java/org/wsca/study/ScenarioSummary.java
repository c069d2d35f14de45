package org.wsca.study;

/**
 * The rate of one scenario and strata option at alpha, with its Wilson 95 % interval: {@code
 * rejections} of {@code datasets} are hits of the scenario's measure (WSC rejections, claims of
 * use, or NOT_TESTED verdicts); {@code readings} holds the verdict counts and the dependence test's
 * rejections over the same data sets.
 */
public record ScenarioSummary(
    String scenario,
    String strata,
    String description,
    long datasets,
    long rejections,
    double rate,
    Wilson interval,
    Target target,
    long skipped,
    Readings readings) {

  /** A summary of a WSC-p scenario without verdict readings. */
  public ScenarioSummary(
      String scenario,
      String strata,
      String description,
      long datasets,
      long rejections,
      double rate,
      Wilson interval,
      Target target,
      long skipped) {
    this(
        scenario,
        strata,
        description,
        datasets,
        rejections,
        rate,
        interval,
        target,
        skipped,
        Readings.none(Measure.WSC_P));
  }

  public String met() {
    return datasets == 0 ? "n/a" : target.met(rate, interval);
  }

  /**
   * Verdict readings over all data sets of the scenario: claims of use, NOT_TESTED verdicts, data
   * sets where the decision-dependence test ran, those where its raw p <= alpha, and the mean of
   * its shift D over them.
   */
  public record Readings(
      Measure measure,
      long useClaims,
      long notTested,
      long dependenceTested,
      long dependenceRejections,
      double meanShiftSd) {
    static Readings none(Measure measure) {
      return new Readings(measure, 0, 0, 0, 0, Double.NaN);
    }
  }
}
