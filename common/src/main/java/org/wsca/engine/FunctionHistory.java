package org.wsca.engine;

import java.util.ArrayDeque;
import java.util.Collections;

/**
 * Breeze's function-value convergence test as MLlib's L-BFGS runs it: the last {@code length}
 * objective values (seeded with +infinity, so the test cannot hold before {@code length} steps) and
 * converged when |f_k - max(window)| <= tol * |f_0|.
 */
final class FunctionHistory {
  /** breeze's fvalMemory default in FirstOrderMinimizer.defaultConvergenceCheck. */
  static final int LENGTH = 20;

  private final int length;
  private final ArrayDeque<Double> values = new ArrayDeque<>();

  FunctionHistory(int length) {
    this.length = length;
    values.add(Double.POSITIVE_INFINITY);
  }

  void add(double value) {
    values.addLast(value);
    while (values.size() > length) {
      values.removeFirst();
    }
  }

  boolean converged(double value, double tolerance, double initial) {
    return values.size() >= 2
        && Math.abs(value - Collections.max(values)) <= tolerance * Math.abs(initial);
  }
}
