package org.wsca.audit;

import java.util.Optional;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wsca.engine.LinearHead;
import org.wsca.math.Vectors;
import org.wsca.settings.Settings;

/**
 * Fits every head of the method with one estimator: L2 logistic regression with intercept on the
 * raw coordinates (no standardisation), because the audited head lives there (docs/method.md 3).
 */
public final class HeadFitter {
  public static final String FEATURES = "features";
  private final Settings.Heads settings;

  public HeadFitter(Settings.Heads settings) {
    this.settings = settings;
  }

  public FittedHead fit(Dataset<Row> train, String labelColumn, int numClasses) {
    return fit(train, labelColumn, numClasses, Optional.empty());
  }

  /**
   * Fits from {@code start} when given (MLlib's initial model): on ReLU embeddings MLlib's own
   * coordinates are ill-conditioned and a cold start stops at max-iter far from the optimum
   * (docs/method.md section 3); started from the batched engine's converged head of the same
   * labels, MLlib converges to the optimum in about 20 steps.
   */
  public FittedHead fit(
      Dataset<Row> train, String labelColumn, int numClasses, Optional<LinearHead> start) {
    LogisticRegression estimator = estimator(labelColumn, numClasses);
    start.ifPresent(head -> estimator.setInitialModel(initialModel(head, numClasses)));
    LogisticRegressionModel model = estimator.fit(train);
    int iterations = model.summary().totalIterations();
    boolean converged = iterations < settings.maxIter();
    if (numClasses == 2) {
      double[] direction = model.coefficients().toArray();
      return new FittedHead(
          model,
          new double[][] {direction},
          new double[][] {direction.clone()},
          new double[] {model.intercept()},
          converged,
          iterations);
    }
    double[][] coefficients = rows(model.coefficientMatrix());
    return new FittedHead(
        model,
        Vectors.centreRows(coefficients),
        coefficients,
        model.interceptVector().toArray(),
        converged,
        iterations);
  }

  /**
   * True when {@code head} classifies every one of its training rows right: the classes are
   * linearly separable there and only the L2 penalty keeps the coefficients finite. One more pass
   * over the training rows, so it is asked of the observed heads only, not permuted ones.
   */
  public static boolean separatesTrainingRows(FittedHead head) {
    return head.model().summary().accuracy() == 1.0;
  }

  LogisticRegression estimator(String labelColumn, int numClasses) {
    return new LogisticRegression()
        .setFeaturesCol(FEATURES)
        .setLabelCol(labelColumn)
        .setFamily(numClasses == 2 ? "binomial" : "multinomial")
        .setRegParam(settings.regParam())
        .setElasticNetParam(0.0)
        .setStandardization(false)
        .setFitIntercept(true)
        .setMaxIter(settings.maxIter())
        .setTol(settings.tol());
  }

  /** MLlib's model of a raw-coordinate head; setInitialModel is Scala-private, public to Java. */
  private static LogisticRegressionModel initialModel(LinearHead head, int numClasses) {
    double[][] w = head.coefficients();
    int k = w.length;
    int d = w[0].length;
    double[] columnMajor = new double[k * d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        columnMajor[j * k + c] = w[c][j];
      }
    }
    return new LogisticRegressionModel(
        "wsca-start",
        new DenseMatrix(k, d, columnMajor),
        org.apache.spark.ml.linalg.Vectors.dense(head.intercepts()),
        numClasses,
        numClasses > 2);
  }

  private static double[][] rows(Matrix m) {
    double[][] out = new double[m.numRows()][m.numCols()];
    for (int i = 0; i < m.numRows(); i++) {
      for (int j = 0; j < m.numCols(); j++) {
        out[i][j] = m.apply(i, j);
      }
    }
    return out;
  }
}
