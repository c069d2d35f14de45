package org.wsca.math;

/**
 * The deterministic train/test split of docs/method.md section 2: a row goes to test when a stable
 * hash of (seed, key) falls below the test fraction. Keyed by patient_id (or sample_id), so all
 * images of one patient land on the same side.
 */
public final class SplitAssigner {
  private static final String DOMAIN = "wsca/split/v1";

  private SplitAssigner() {}

  public static boolean isTest(String key, long seed, double testFraction) {
    if (!(testFraction >= 0.0 && testFraction <= 1.0)) {
      throw new IllegalArgumentException(
          "Test fraction is " + testFraction + "; it must be in [0, 1]");
    }
    long hash = StableHash.domain(DOMAIN).add(seed).add(key).finish();
    return StableHash.unitInterval(hash) < testFraction;
  }
}
