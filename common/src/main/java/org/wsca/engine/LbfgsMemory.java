package org.wsca.engine;

import java.util.ArrayList;
import java.util.List;

/** The last m curvature pairs (s, y) of one head and the two-loop recursion over them. */
final class LbfgsMemory {
  private final int capacity;
  private final List<double[]> steps = new ArrayList<>();
  private final List<double[]> changes = new ArrayList<>();
  private final List<Double> rhos = new ArrayList<>();

  LbfgsMemory(int capacity) {
    this.capacity = capacity;
  }

  /** Keeps the pair when it carries positive curvature; drops the oldest beyond capacity. */
  void push(double[] s, double[] y) {
    double sy = Dense.dot(s, y);
    if (!(sy > 1e-10 * Dense.dot(y, y))) {
      return;
    }
    if (steps.size() == capacity) {
      steps.remove(0);
      changes.remove(0);
      rhos.remove(0);
    }
    steps.add(s);
    changes.add(y);
    rhos.add(1.0 / sy);
  }

  boolean isEmpty() {
    return steps.isEmpty();
  }

  void clear() {
    steps.clear();
    changes.clear();
    rhos.clear();
  }

  /** -H g, with H the L-BFGS inverse Hessian scaled by s'y / y'y of the newest pair. */
  double[] direction(double[] gradient) {
    int m = steps.size();
    double[] q = gradient.clone();
    double[] alphas = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      alphas[i] = rhos.get(i) * Dense.dot(steps.get(i), q);
      Dense.axpy(-alphas[i], changes.get(i), q);
    }
    if (m > 0) {
      double[] y = changes.get(m - 1);
      Dense.scale(1.0 / (rhos.get(m - 1) * Dense.dot(y, y)), q);
    }
    for (int i = 0; i < m; i++) {
      double beta = rhos.get(i) * Dense.dot(changes.get(i), q);
      Dense.axpy(alphas[i] - beta, steps.get(i), q);
    }
    Dense.scale(-1.0, q);
    return q;
  }
}
