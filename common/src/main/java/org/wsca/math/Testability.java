package org.wsca.math;

import java.util.List;

/**
 * What a test's permutations can move (docs/method.md section 6), counted before permuting.
 *
 * @param unit what moves as one piece (images, patients, or patients' value sequences)
 * @param rows the task's training rows
 * @param movableRows rows in exchange groups (strata, or patient groups within them) where the task
 *     takes at least two distinct unit values: only these rows can change label
 * @param log10Permutations log10 of the number of distinct relabelings: the product over groups of
 *     the multinomial units! / prod(units per distinct value)!; 0 when nothing moves
 * @param movingStrata strata with at least one movable row
 * @param fixedStrata strata with rows, none of them movable
 */
public record Testability(
    PermutationDesign.Unit unit,
    long rows,
    long movableRows,
    double log10Permutations,
    List<String> movingStrata,
    List<String> fixedStrata) {
  public Testability {
    movingStrata = List.copyOf(movingStrata);
    fixedStrata = List.copyOf(fixedStrata);
  }

  public double movableFraction() {
    return rows == 0 ? 0.0 : (double) movableRows / rows;
  }
}
