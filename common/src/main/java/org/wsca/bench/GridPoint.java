package org.wsca.bench;

import java.io.Serializable;

/** One benchmark case: n training rows, d features, C classes of the metadata task. */
public record GridPoint(int rows, int dimension, int classes) implements Serializable {
  public GridPoint {
    if (rows < 1 || dimension < 1 || classes < 2) {
      throw new IllegalArgumentException(
          "A grid point needs n >= 1, d >= 1 and C >= 2; got n = "
              + rows
              + ", d = "
              + dimension
              + ", C = "
              + classes);
    }
  }

  /** Coefficient vectors per head: 1 for two classes (MLlib's binomial), C otherwise. */
  public int columns() {
    return classes == 2 ? 1 : classes;
  }

  /** Flops of one head-evaluation: two dgemm calls, 2 n d K each. */
  public double flopsPerHeadEvaluation() {
    return 4.0 * rows * dimension * columns();
  }

  @Override
  public String toString() {
    return "n=" + rows + " d=" + dimension + " C=" + classes;
  }
}
