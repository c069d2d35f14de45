package org.wsca.engine;

/**
 * One head's L-BFGS, driven from outside: {@link #proposal()} is the point it wants evaluated next
 * and {@link #tell} hands back the objective and gradient there. The line search is backtracking
 * with safeguarded cubic interpolation (every trial costs one pass, so it is kept short), accepting
 * a step on Armijo's condition or, where the objective's rounding noise hides a tiny decrease, on
 * Hager and Zhang's approximate Wolfe condition.
 */
final class LbfgsHead {
  private static final double ARMIJO = 1e-4;

  /** Approximate Wolfe: phi(a) <= phi(0) + NOISE |phi(0)| and phi'(a) <= (1 - 2 delta)|phi'(0)|. */
  private static final double NOISE = 1e-12;

  private static final double DELTA = 0.1;
  private static final int MAX_TRIALS = 20;

  /** breeze's floor of the relative gradient test. */
  private static final double GRADIENT_FLOOR = 1e-8;

  private final BatchLbfgs.Options options;
  private final LbfgsMemory memory;
  private final FunctionHistory history = new FunctionHistory(FunctionHistory.LENGTH);

  private double[] x;
  private double value;
  private double initialValue;
  private double[] gradient;
  private double[] direction;
  private double[] trial;
  private double step;
  private double slope;
  private int trials;
  private boolean restarted;
  private boolean started;
  private int iterations;
  private int evaluations;
  private HeadStatus status = HeadStatus.ACTIVE;

  LbfgsHead(double[] start, BatchLbfgs.Options options) {
    this.x = start.clone();
    this.options = options;
    this.memory = new LbfgsMemory(options.memory());
  }

  boolean active() {
    return status == HeadStatus.ACTIVE;
  }

  int iterations() {
    return iterations;
  }

  double[] proposal() {
    return started ? trial : x;
  }

  void tell(double f, double[] g) {
    evaluations++;
    if (started) {
      search(f, g);
    } else {
      start(f, g);
    }
  }

  void stop(HeadStatus reason) {
    status = reason;
  }

  HeadSolution solution() {
    double norm = gradient == null ? Double.NaN : Dense.norm(gradient);
    return new HeadSolution(x.clone(), value, norm, iterations, evaluations, status);
  }

  private void start(double f, double[] g) {
    started = true;
    value = f;
    gradient = g;
    initialValue = f;
    if (!Double.isFinite(f) || !Dense.finite(g)) {
      status = HeadStatus.NOT_FINITE;
    } else if (gradientConverged()) {
      status = HeadStatus.CONVERGED;
    } else if (iterations >= options.maxIterations()) {
      status = HeadStatus.MAX_ITERATIONS;
    } else {
      beginSearch();
    }
  }

  private void beginSearch() {
    direction = memory.direction(gradient);
    slope = Dense.dot(gradient, direction);
    if (!(slope < 0.0)) {
      memory.clear();
      direction = memory.direction(gradient);
      slope = Dense.dot(gradient, direction);
    }
    // Without curvature information, breeze's first step: unit length along the direction.
    step = memory.isEmpty() ? Math.min(1.0, 1.0 / Dense.norm(direction)) : 1.0;
    trials = 0;
    trial = Dense.step(x, step, direction);
  }

  private void search(double f, double[] g) {
    trials++;
    double slopeAt = Dense.dot(g, direction);
    if (acceptable(f, slopeAt)) {
      accept(f, g);
    } else if (trials >= MAX_TRIALS) {
      restartOrFail();
    } else {
      step = backtrack(f, slopeAt);
      trial = Dense.step(x, step, direction);
    }
  }

  private boolean acceptable(double f, double slopeAt) {
    if (!Double.isFinite(f) || !Double.isFinite(slopeAt)) {
      return false;
    }
    boolean armijo = f <= value + ARMIJO * step * slope;
    boolean approximateWolfe =
        f <= value + NOISE * Math.abs(value) && slopeAt <= (1.0 - 2.0 * DELTA) * Math.abs(slope);
    return armijo || approximateWolfe;
  }

  private void accept(double f, double[] g) {
    memory.push(Dense.minus(trial, x), Dense.minus(g, gradient));
    x = trial;
    value = f;
    gradient = g;
    iterations++;
    restarted = false;
    history.add(f);
    if (gradientConverged() || history.converged(f, options.tolerance(), initialValue)) {
      status = HeadStatus.CONVERGED;
    } else if (iterations >= options.maxIterations()) {
      status = HeadStatus.MAX_ITERATIONS;
    } else {
      beginSearch();
    }
  }

  /** Like breeze: after a failed search, forget the curvature pairs once and try again. */
  private void restartOrFail() {
    if (restarted) {
      status = HeadStatus.LINE_SEARCH_FAILED;
      return;
    }
    restarted = true;
    memory.clear();
    beginSearch();
  }

  /** breeze's relative gradient test: ||g|| <= max(tol |f|, 1e-8). */
  private boolean gradientConverged() {
    double threshold = Math.max(options.tolerance() * Math.abs(value), GRADIENT_FLOOR);
    return Dense.norm(gradient) <= threshold;
  }

  /** The minimiser of the cubic through phi(0), phi'(0), phi(a), phi'(a), kept in [a/10, a/2]. */
  private double backtrack(double f, double slopeAt) {
    double a = step;
    double next = Double.NaN;
    if (Double.isFinite(f) && Double.isFinite(slopeAt)) {
      double d1 = slope + slopeAt + 3.0 * (value - f) / a;
      double root = d1 * d1 - slope * slopeAt;
      if (root >= 0.0) {
        double d2 = Math.sqrt(root);
        next = a - a * (slopeAt + d2 - d1) / (slopeAt - slope + 2.0 * d2);
      } else {
        next = -slope * a * a / (2.0 * (f - value - slope * a));
      }
    }
    if (!Double.isFinite(next)) {
      return 0.5 * a;
    }
    return Math.min(Math.max(next, 0.1 * a), 0.5 * a);
  }
}
