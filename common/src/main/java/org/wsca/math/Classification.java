package org.wsca.math;

/** Plain classification summaries for the presence probes (docs/method.md section 7). */
public final class Classification {
  private Classification() {}

  /** Share of rows predicted correctly; NaN for no rows. */
  public static double accuracy(int[] predicted, int[] labels) {
    Auroc.requireSameLength(predicted.length, labels.length);
    if (labels.length == 0) {
      return Double.NaN;
    }
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  /**
   * Mean recall over the classes present in labels, so that a majority class cannot dominate. NaN
   * for no rows.
   */
  public static double balancedAccuracy(int[] predicted, int[] labels, int numClasses) {
    Auroc.requireSameLength(predicted.length, labels.length);
    int[] counts = classCounts(labels, numClasses);
    int[] hits = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      hits[labels[i]] += predicted[i] == labels[i] ? 1 : 0;
    }
    double recallSum = 0.0;
    int present = 0;
    for (int c = 0; c < numClasses; c++) {
      if (counts[c] > 0) {
        recallSum += (double) hits[c] / counts[c];
        present++;
      }
    }
    return present == 0 ? Double.NaN : recallSum / present;
  }

  /** Index of the largest entry; ties go to the lowest index; NaN never wins (0 if all are NaN). */
  public static int argmax(double[] row) {
    if (row.length == 0) {
      throw new IllegalArgumentException("argmax of an empty row is undefined");
    }
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      if (!Double.isNaN(row[i]) && (Double.isNaN(row[best]) || row[i] > row[best])) {
        best = i;
      }
    }
    return best;
  }

  static int[] classCounts(int[] labels, int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException(
          "Number of classes is " + numClasses + "; it must be at least 1");
    }
    int[] counts = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(
            "Label " + labels[i] + " at row " + i + " is outside 0.." + (numClasses - 1));
      }
      counts[labels[i]]++;
    }
    return counts;
  }
}
