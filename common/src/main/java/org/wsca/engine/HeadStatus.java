package org.wsca.engine;

/** Where one head's optimisation stands; only {@link #CONVERGED} counts as converged. */
public enum HeadStatus {
  ACTIVE,
  /** MLlib's (breeze's) convergence test held: see {@link BatchLbfgs}. */
  CONVERGED,
  /** maxIter L-BFGS steps without meeting the convergence test. */
  MAX_ITERATIONS,
  /** The batch hit its cap on passes over the data before this head converged. */
  EVALUATION_CAP,
  /** No acceptable step, even after restarting from steepest descent. */
  LINE_SEARCH_FAILED,
  /** The objective or gradient was not finite at the start. */
  NOT_FINITE
}
