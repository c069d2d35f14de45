package org.wsca.audit;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
    LogisticRegressionModel model = estimator(labelColumn, numClasses).fit(train);
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
