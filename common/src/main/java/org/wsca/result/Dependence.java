package org.wsca.result;

import java.util.List;
import java.util.Optional;
import org.wsca.dependence.DependenceResult;

/**
 * The decision-dependence test of one (metadata task, scope) as the tests table reports it
 * (docs/method.md section 11): the largest shift D of a clinical score between a metadata class and
 * the rest of its (label, site) stratum, in sd, where it is reached, and its permutation p. q is
 * filled once all tests of the run are known (BH within the task's role). {@code skipReason} is
 * present when the held-out rows cannot answer the question; the numbers are then NaN.
 *
 * @param shiftSd D = max |shift| (>= 0)
 * @param signedShiftSd the shift of that cell: positive when the metadata class raises the score
 * @param clinicalClass the clinical score (primary direction label) of that cell
 * @param metadataClass the metadata class of that cell
 * @param nullP95 the 95th percentile of D_1..D_B: the chance level of D here
 * @param movableRows held-out rows in strata where the metadata varies
 */
public record Dependence(
    Optional<String> skipReason,
    double shiftSd,
    double signedShiftSd,
    String clinicalClass,
    String metadataClass,
    double p,
    double q,
    int permutations,
    double nullP95,
    long movableRows) {

  /** Not run: the task was skipped before its heads were fitted. */
  public static Dependence notRun() {
    return untestable("not run", 0);
  }

  public static Dependence untestable(String reason, long movableRows) {
    return new Dependence(
        Optional.of(reason),
        Double.NaN,
        Double.NaN,
        "",
        "",
        Double.NaN,
        Double.NaN,
        0,
        Double.NaN,
        movableRows);
  }

  /**
   * The tests-table view of a result; untestable when nothing varies within a stratum or when the
   * number of distinct within-stratum assignments leaves no p at or below {@code alpha}.
   */
  public static Dependence of(
      DependenceResult r,
      List<String> clinicalLabels,
      List<String> metadataClasses,
      String task,
      double alpha) {
    if (!r.testable()) {
      return untestable(
          "task "
              + task
              + " takes one value in every (label, site) cell of the held-out rows, so no"
              + " within-cell permutation can separate it from the label and the site (typical"
              + " when each site has one scanner): the decision-dependence test cannot say whether"
              + " the decision uses it. More held-out rows where it varies within a label and site"
              + " would make it testable.",
          0);
    }
    if (r.log10Assignments() < Math.log10(1 / alpha)) {
      return untestable(
          String.format(
              "task %s varies within (label, site) cells in only %d held-out rows: %.0f distinct"
                  + " assignments, too few for a permutation p to reach alpha = %s. More held-out"
                  + " rows where it varies within a label and site would make it testable.",
              task, r.movableRows(), Math.pow(10, r.log10Assignments()), alpha),
          r.movableRows());
    }
    return new Dependence(
        Optional.empty(),
        r.d(),
        r.signedShift(),
        clinicalLabels.get(r.score()),
        metadataClasses.get(r.metadataClass()),
        r.p(),
        Double.NaN,
        r.nulls().length,
        r.nullSummary().p95(),
        r.movableRows());
  }

  public boolean tested() {
    return skipReason.isEmpty();
  }

  public Dependence withQ(double adjusted) {
    return new Dependence(
        skipReason,
        shiftSd,
        signedShiftSd,
        clinicalClass,
        metadataClass,
        p,
        adjusted,
        permutations,
        nullP95,
        movableRows);
  }

  /** "abdomen x E6" style: which clinical score moves with which metadata class. */
  public String cell() {
    return tested() ? clinicalClass + " x " + metadataClass : "";
  }
}
