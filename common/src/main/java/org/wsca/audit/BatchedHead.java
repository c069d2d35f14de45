package org.wsca.audit;

import org.wsca.engine.HeadSolution;
import org.wsca.engine.LinearHead;

/**
 * One head of the batched engine: permutation b (0 = the observed labels), the head in raw
 * coordinates and how its optimisation ended. {@code identity}: b > 0 leaves every label as
 * observed, so this head stands for permutation 0's.
 */
record BatchedHead(int permutation, LinearHead head, HeadSolution solution, boolean identity) {
  boolean converged() {
    return solution.converged();
  }

  double[][] directions() {
    return head.directions();
  }
}
