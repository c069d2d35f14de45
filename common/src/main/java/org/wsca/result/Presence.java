package org.wsca.result;

import java.util.Map;

/**
 * How well a metadata probe decodes its task on the held-out test rows (docs/method.md section 7):
 * AUROC (macro one-vs-rest above two classes), balanced accuracy and accuracy.
 */
public record Presence(
    double auroc,
    double balancedAccuracy,
    double accuracy,
    long testRows,
    Map<String, Long> testCounts) {

  public static Presence none(Map<String, Long> testCounts) {
    return new Presence(Double.NaN, Double.NaN, Double.NaN, 0, testCounts);
  }
}
