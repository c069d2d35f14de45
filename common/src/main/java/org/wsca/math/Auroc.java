package org.wsca.math;

import java.util.Arrays;

/** Area under the ROC curve, the presence measure of docs/method.md section 7. */
public final class Auroc {
  private Auroc() {}

  /**
   * Mann-Whitney AUROC: the probability that a random positive scores above a random negative, ties
   * counted as 1/2. O(n log n). NaN when either class is absent, since there is no pair to rank.
   */
  public static double binary(double[] scores, int[] labels) {
    requireSameLength(scores.length, labels.length);
    int positives = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "Binary AUROC needs labels 0 or 1, found " + labels[i] + " at row " + i);
      }
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("Score at row " + i + " is NaN; AUROC cannot rank it");
      }
      positives += labels[i];
    }
    int negatives = labels.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double[] positive = new double[positives];
    double[] negative = new double[negatives];
    for (int i = 0, p = 0, n = 0; i < labels.length; i++) {
      if (labels[i] == 1) {
        positive[p++] = scores[i];
      } else {
        negative[n++] = scores[i];
      }
    }
    return (double) twiceWins(positive, negative) / (2.0 * positives * negatives);
  }

  /**
   * Macro one-vs-rest AUROC: the mean over classes present in labels of the binary AUROC of class c
   * against all other rows, scored by column c. Absent classes are skipped rather than given a
   * constant; NaN when fewer than two classes are present.
   */
  public static double macroOneVsRest(double[][] scores, int[] labels, int numClasses) {
    requireSameLength(scores.length, labels.length);
    int[] classCounts = Classification.classCounts(labels, numClasses);
    int present = 0;
    for (int c = 0; c < numClasses; c++) {
      present += classCounts[c] > 0 ? 1 : 0;
    }
    if (present < 2) {
      return Double.NaN;
    }
    double sum = 0.0;
    for (int c = 0; c < numClasses; c++) {
      if (classCounts[c] > 0) {
        sum += binary(column(scores, c, numClasses), indicator(labels, c));
      }
    }
    return sum / present;
  }

  /** 2 x (pairs with positive > negative) + (tied pairs), exact in integer arithmetic. */
  private static long twiceWins(double[] positive, double[] negative) {
    Arrays.sort(positive);
    Arrays.sort(negative);
    long twice = 0;
    int below = 0; // negatives strictly below the current positive
    int atOrBelow = 0; // negatives at or below it
    for (double p : positive) {
      while (below < negative.length && negative[below] < p) {
        below++;
      }
      atOrBelow = Math.max(atOrBelow, below);
      while (atOrBelow < negative.length && negative[atOrBelow] <= p) {
        atOrBelow++;
      }
      twice += 2L * below + (atOrBelow - below);
    }
    return twice;
  }

  private static double[] column(double[][] scores, int c, int numClasses) {
    double[] column = new double[scores.length];
    for (int r = 0; r < scores.length; r++) {
      if (scores[r].length != numClasses) {
        throw new IllegalArgumentException(
            "Score row "
                + r
                + " has "
                + scores[r].length
                + " columns, expected one per class: "
                + numClasses);
      }
      column[r] = scores[r][c];
    }
    return column;
  }

  private static int[] indicator(int[] labels, int c) {
    int[] indicator = new int[labels.length];
    for (int r = 0; r < labels.length; r++) {
      indicator[r] = labels[r] == c ? 1 : 0;
    }
    return indicator;
  }

  static void requireSameLength(int scores, int labels) {
    if (scores != labels) {
      throw new IllegalArgumentException(
          "There are " + scores + " score rows but " + labels + " labels; they must pair up");
    }
  }
}
