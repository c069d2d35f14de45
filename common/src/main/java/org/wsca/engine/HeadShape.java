package org.wsca.engine;

import java.io.Serializable;

/**
 * The parameter layout of one logistic head in the optimiser's coordinates. A head has {@link
 * #columns()} coefficient vectors of length d (one for two classes, the log-odds of class 1 like
 * MLlib's binomial family; one per class for C > 2, like its multinomial family), stored one after
 * the other, followed by the same number of intercepts.
 */
public record HeadShape(int dimension, int classes) implements Serializable {
  public HeadShape {
    if (dimension < 1) {
      throw new IllegalArgumentException(
          "Embedding dimension is " + dimension + "; a head needs at least one feature");
    }
    if (classes < 2) {
      throw new IllegalArgumentException("A head needs at least 2 classes, got " + classes);
    }
  }

  public boolean binary() {
    return classes == 2;
  }

  /** Coefficient vectors per head: 1 for two classes, C otherwise. */
  public int columns() {
    return binary() ? 1 : classes;
  }

  /** Parameters per head: columns x (d + 1). */
  public int size() {
    return columns() * (dimension + 1);
  }

  /** Where the intercepts start inside a head's parameter vector. */
  public int interceptOffset() {
    return columns() * dimension;
  }

  /**
   * MLlib's starting point: coefficients 0, intercepts from the class counts (binary: the log odds
   * log(n_1 / n_0); multinomial: log(1 + n_c) centred). A permutation keeps the counts, so every
   * permuted head of a task starts where the observed head does.
   */
  public double[] start(long[] classCounts) {
    if (classCounts.length != classes) {
      throw new IllegalArgumentException(
          classCounts.length + " class counts for " + classes + " classes");
    }
    double[] point = new double[size()];
    int at = interceptOffset();
    if (binary()) {
      boolean both = classCounts[0] > 0 && classCounts[1] > 0;
      point[at] = both ? Math.log((double) classCounts[1] / classCounts[0]) : 0.0;
      return point;
    }
    double mean = 0.0;
    for (long count : classCounts) {
      mean += Math.log1p(count) / classes;
    }
    for (int c = 0; c < classes; c++) {
      point[at + c] = Math.log1p(classCounts[c]) - mean;
    }
    return point;
  }
}
