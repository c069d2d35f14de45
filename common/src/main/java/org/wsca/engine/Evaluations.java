package org.wsca.engine;

/** Objective values and gradients of the heads evaluated in one pass, in the order asked. */
public record Evaluations(double[] values, double[][] gradients) {
  public Evaluations {
    if (values.length != gradients.length) {
      throw new IllegalArgumentException(
          values.length + " values but " + gradients.length + " gradients");
    }
  }
}
