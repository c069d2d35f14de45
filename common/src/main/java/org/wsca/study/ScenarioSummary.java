package org.wsca.study;

/** The rejection rate of one scenario and strata option at alpha, with its Wilson 95 % interval. */
public record ScenarioSummary(
    String scenario,
    String strata,
    String description,
    long datasets,
    long rejections,
    double rate,
    Wilson interval,
    Target target,
    long skipped) {

  public String met() {
    return datasets == 0 ? "n/a" : target.met(rate, interval);
  }
}
