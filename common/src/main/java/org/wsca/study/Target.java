package org.wsca.study;

/**
 * What a scenario's rejection rate should be: at most {@code value} (a null scenario, the test's
 * size) or at least {@code value} (a power scenario), or nothing (reported only).
 */
public record Target(Direction direction, double value) {
  /** Whether the rate should stay below or reach the value. */
  public enum Direction {
    AT_MOST,
    AT_LEAST,
    NONE
  }

  public static Target atMost(double value) {
    return new Target(Direction.AT_MOST, value);
  }

  public static Target atLeast(double value) {
    return new Target(Direction.AT_LEAST, value);
  }

  public static Target none() {
    return new Target(Direction.NONE, Double.NaN);
  }

  /** "<= 0.05", ">= 0.80" or "none". */
  public String label() {
    return switch (direction) {
      case AT_MOST -> String.format("<= %.2f", value);
      case AT_LEAST -> String.format(">= %.2f", value);
      case NONE -> "none";
    };
  }

  /**
   * "yes" when the observed rate is on the target's side, "within MC error" when it is not but the
   * 95 % interval reaches the target, "no" when the whole interval misses it, "n/a" without a
   * target.
   */
  public String met(double rate, Wilson interval) {
    return switch (direction) {
      case AT_MOST -> rate <= value ? "yes" : interval.low() <= value ? "within MC error" : "no";
      case AT_LEAST -> rate >= value ? "yes" : interval.high() >= value ? "within MC error" : "no";
      case NONE -> "n/a";
    };
  }
}
