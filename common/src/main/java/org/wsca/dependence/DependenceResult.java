package org.wsca.dependence;

import org.wsca.math.NullSummary;
import org.wsca.math.PermutationPValue;

/**
 * The decision-dependence test of one (metadata task, scope): the observed shifts, D, its null and
 * p = (1 + #{D_b >= D}) / (B + 1).
 *
 * @param shifts shift[c][j] in sd of clinical score c (see {@link ShiftStatistic})
 * @param d max |shift[c][j]|
 * @param score the clinical score (primary direction) c of the largest |shift|
 * @param metadataClass the metadata class j of the largest |shift|
 * @param nulls D_1..D_B
 * @param p NaN when the test is not testable
 * @param movableRows held-out rows in strata where the metadata varies
 * @param movableStrata strata where the metadata varies
 * @param log10Assignments log10 of the distinct within-stratum class assignments
 */
public record DependenceResult(
    double[][] shifts,
    double d,
    int score,
    int metadataClass,
    double[] nulls,
    double p,
    long movableRows,
    int movableStrata,
    double log10Assignments) {

  /** Runs the test on the driver: the pure path that the Spark path is checked against. */
  public static DependenceResult of(
      ShiftStatistic statistic, int permutations, StratumPermuter permuter) {
    double[] nulls =
        statistic.testable() ? statistic.nullMaxima(1, permutations, permuter) : new double[0];
    return of(statistic, nulls, permuter.log10Assignments(statistic));
  }

  /** The result from the observed statistic and D_1..D_B computed elsewhere, rows as units. */
  public static DependenceResult of(ShiftStatistic statistic, double[] nulls) {
    return of(statistic, nulls, statistic.log10Assignments());
  }

  /**
   * @param log10Assignments log10 of the distinct assignments the permuter reaches ({@link
   *     StratumPermuter#log10Assignments})
   */
  public static DependenceResult of(
      ShiftStatistic statistic, double[] nulls, double log10Assignments) {
    double[][] shifts = statistic.observed();
    int[] at = argMaxAbs(shifts);
    double d = ShiftStatistic.maxAbs(shifts);
    double p =
        statistic.testable() && nulls.length > 0 ? PermutationPValue.pValue(d, nulls) : Double.NaN;
    return new DependenceResult(
        shifts,
        d,
        at[0],
        at[1],
        nulls,
        p,
        statistic.movableRows(),
        statistic.movableStrata(),
        log10Assignments);
  }

  public boolean testable() {
    return !Double.isNaN(p);
  }

  /** The signed shift of the largest |shift|: positive when class j raises score c. */
  public double signedShift() {
    return shifts.length == 0 ? 0.0 : shifts[score][metadataClass];
  }

  public NullSummary nullSummary() {
    return NullSummary.of(nulls);
  }

  private static int[] argMaxAbs(double[][] shifts) {
    int[] at = {0, 0};
    double max = -1;
    for (int c = 0; c < shifts.length; c++) {
      for (int j = 0; j < shifts[c].length; j++) {
        if (Math.abs(shifts[c][j]) > max) {
          max = Math.abs(shifts[c][j]);
          at = new int[] {c, j};
        }
      }
    }
    return at;
  }
}
