package org.wsca.engine;

/**
 * Where one head's optimisation ended, in the optimiser's (scaled) coordinates.
 *
 * @param iterations accepted L-BFGS steps
 * @param evaluations passes this head took part in (its own objective evaluations)
 */
public record HeadSolution(
    double[] point,
    double value,
    double gradientNorm,
    int iterations,
    int evaluations,
    HeadStatus status) {

  public boolean converged() {
    return status == HeadStatus.CONVERGED;
  }
}
