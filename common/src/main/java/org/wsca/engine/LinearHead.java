package org.wsca.engine;

import org.wsca.math.Vectors;

/**
 * A fitted head in raw coordinates, laid out like MLlib's model: one coefficient row for two
 * classes, one per class otherwise (with intercepts centred, as MLlib centres its unpenalised
 * multinomial intercepts). {@link #directions()} are what WSC compares (docs/method.md section 3).
 */
public record LinearHead(double[][] coefficients, double[] intercepts, double[][] directions) {

  static LinearHead of(HeadShape shape, double[][] coefficients, double[] intercepts) {
    if (shape.binary()) {
      return new LinearHead(coefficients, intercepts, new double[][] {coefficients[0].clone()});
    }
    return new LinearHead(coefficients, centred(intercepts), Vectors.centreRows(coefficients));
  }

  private static double[] centred(double[] values) {
    double mean = 0.0;
    for (double v : values) {
      mean += v / values.length;
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] - mean;
    }
    return out;
  }
}
