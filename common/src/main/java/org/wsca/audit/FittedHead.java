package org.wsca.audit;

import org.apache.spark.ml.classification.LogisticRegressionModel;

/**
 * An MLlib logistic head with what WSC needs from it: the directions compared by the method (one
 * log-odds direction for two classes, centred class vectors otherwise) and its convergence.
 */
public record FittedHead(
    LogisticRegressionModel model,
    double[][] directions,
    double[][] coefficients,
    double[] intercepts,
    boolean converged,
    int iterations) {}
