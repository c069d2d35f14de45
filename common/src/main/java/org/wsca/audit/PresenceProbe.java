package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.wsca.input.Canonical;
import org.wsca.math.Auroc;
import org.wsca.math.Classification;
import org.wsca.result.Presence;

/**
 * Measures a metadata probe's {@link Presence} on the held-out test rows (docs/method.md section
 * 7).
 */
final class PresenceProbe {
  private PresenceProbe() {}

  /**
   * A probe's presence, whether it classifies every one of its training rows right, and the
   * held-out rows scored by the clinical head for the decision-dependence test.
   */
  record Measured(Presence presence, boolean separable, List<DependencePass.StratumRow> heldOut) {}

  private static final String ERRORS = "training_errors";

  /**
   * Scores every row of the task once: the held-out rows give the presence and, scored by the
   * clinical head's {@code primary} directions, the dependence test's strata (by cell, with the
   * patient when {@code patients}); the training rows are only counted where the head's prediction
   * misses their label, in the same Spark job (an observed metric). Three small jobs become one.
   * Separable means no miss, exactly MLlib's {@code summary().accuracy() == 1.0}: same model, rows
   * and prediction.
   */
  static Measured measure(
      FittedHead head,
      Dataset<Row> taskRows,
      int numClasses,
      Map<String, Long> testCounts,
      double[][] primary,
      boolean patients) {
    Observation misses = new Observation("wsca-training-misses");
    List<Row> scored =
        head.model()
            .transform(taskRows)
            .observe(misses, trainingMisses())
            .filter(col(Canonical.IS_TEST).equalTo(true))
            .select(
                col("probability"),
                col(TaskData.Y),
                col(Canonical.SAMPLE_ID),
                col(TaskData.CELL),
                patients ? col(Canonical.PATIENT_ID).cast("string") : lit(null).cast("string"),
                DependencePass.scores(primary))
            .collectAsList();
    return new Measured(
        presence(scored, numClasses, testCounts), errors(misses) == 0, heldOut(scored));
  }

  /** Columns 1-5 of the collected rows: y, sample_id, cell, patient, scores. */
  private static List<DependencePass.StratumRow> heldOut(List<Row> scored) {
    List<DependencePass.StratumRow> out = new ArrayList<>(scored.size());
    for (Row r : scored) {
      out.add(
          new DependencePass.StratumRow(
              r.getString(3),
              new DependencePass.ScoredRow(
                  r.getString(2),
                  (int) r.getDouble(1),
                  ((Vector) r.get(5)).toArray(),
                  r.getString(4))));
    }
    return out;
  }

  private static Column trainingMisses() {
    Column missed =
        col(Canonical.IS_TEST).equalTo(false).and(col("prediction").notEqual(col(TaskData.Y)));
    return count(when(missed, true)).as(ERRORS);
  }

  private static long errors(Observation misses) {
    try {
      return ((Number) misses.getAsJava().get(ERRORS)).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the training misses", e);
    }
  }

  /** The presence from the held-out rows' probabilities and labels (one row each). */
  static Presence presence(List<Row> scored, int numClasses, Map<String, Long> testCounts) {
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
