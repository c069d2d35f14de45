package org.wsca.engine;

import java.io.Serializable;

/**
 * Sums over rows of the unpenalised logistic losses of A heads and of their gradients, in the Deequ
 * style: each partition adds its blocks, partial states merge associatively (element-wise sums),
 * and {@link PenalisedLoss} finishes. Coefficient gradients are one d x (A columns) column-major
 * matrix, laid out like {@link BatchPoint}. Arrays are allocated on first use, so an empty
 * partition ships back almost nothing.
 */
public final class GradientState implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int dimension;
  private final int heads;
  private final int columns;
  private long rows;
  private double[] loss;
  private double[] coefficients;
  private double[] intercepts;

  public GradientState(HeadShape shape, int heads) {
    this.dimension = shape.dimension();
    this.heads = heads;
    this.columns = heads * shape.columns();
  }

  public GradientState merge(GradientState other) {
    if (other.heads != heads || other.columns != columns || other.dimension != dimension) {
      throw new IllegalArgumentException(
          "Cannot merge gradient states of "
              + other.heads
              + " and "
              + heads
              + " heads ("
              + other.columns
              + " and "
              + columns
              + " columns)");
    }
    if (other.rows == 0) {
      return this;
    }
    allocate();
    rows += other.rows;
    add(loss, other.loss);
    add(coefficients, other.coefficients);
    add(intercepts, other.intercepts);
    return this;
  }

  public long rows() {
    return rows;
  }

  public int heads() {
    return heads;
  }

  /** Summed loss of head a (0 if no rows were added). */
  public double loss(int a) {
    return loss == null ? 0.0 : loss[a];
  }

  /** Summed gradient of coefficient j of column c (c = a * columns per head + k). */
  public double coefficient(int c, int j) {
    return coefficients == null ? 0.0 : coefficients[c * dimension + j];
  }

  public double intercept(int c) {
    return intercepts == null ? 0.0 : intercepts[c];
  }

  void addRows(int count) {
    rows += count;
  }

  double[] lossSums() {
    allocate();
    return loss;
  }

  double[] coefficientSums() {
    allocate();
    return coefficients;
  }

  double[] interceptSums() {
    allocate();
    return intercepts;
  }

  private void allocate() {
    if (loss == null) {
      loss = new double[heads];
      coefficients = new double[dimension * columns];
      intercepts = new double[columns];
    }
  }

  private static void add(double[] into, double[] values) {
    for (int i = 0; i < into.length; i++) {
      into[i] += values[i];
    }
  }
}
