package org.wsca.audit;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wsca.math.Auroc;
import org.wsca.math.Classification;
import org.wsca.result.Presence;

/**
 * Measures a metadata probe's {@link Presence} on the held-out test rows (docs/method.md section
 * 7).
 */
final class PresenceProbe {
  private PresenceProbe() {}

  /** Scores the test rows; only a class index and C probabilities per row reach the driver. */
  static Presence measure(
      FittedHead head, Dataset<Row> test, int numClasses, Map<String, Long> testCounts) {
    List<Row> scored =
        head.model().transform(test).select("probability", TaskData.Y).collectAsList();
    int n = scored.size();
    if (n == 0) {
      return Presence.none(testCounts);
    }
    double[][] probabilities = new double[n][];
    int[] labels = new int[n];
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      probabilities[i] = ((Vector) scored.get(i).get(0)).toArray();
      labels[i] = (int) scored.get(i).getDouble(1);
      predicted[i] = Classification.argmax(probabilities[i]);
    }
    double auroc =
        numClasses == 2
            ? Auroc.binary(column(probabilities, 1), labels)
            : Auroc.macroOneVsRest(probabilities, labels, numClasses);
    return new Presence(
        auroc,
        Classification.balancedAccuracy(predicted, labels, numClasses),
        Classification.accuracy(predicted, labels),
        n,
        testCounts);
  }

  private static double[] column(double[][] rows, int c) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][c];
    }
    return out;
  }
}
