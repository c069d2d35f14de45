package org.wsca.audit;

import java.util.ArrayList;
import java.util.List;
import org.wsca.math.MultipleTesting;
import org.wsca.method.Role;
import org.wsca.method.Verdict;
import org.wsca.result.TestOutcome;
import org.wsca.settings.Settings;

/**
 * Multiple testing across every (metadata task, scope) test of a run, then the verdicts
 * (docs/method.md sections 6, 8 and 11). The decision-dependence q is Benjamini-Hochberg within
 * each role, because clinical factors are expected to be significant and would loosen the threshold
 * for confounders. Pure: no Spark.
 */
public final class Inference {
  private Inference() {}

  public static List<TestOutcome> decide(
      List<TestOutcome> tests, Settings.VerdictThresholds thresholds) {
    double[] p = tests.stream().mapToDouble(t -> t.tested() ? t.p() : Double.NaN).toArray();
    double[] q = MultipleTesting.benjaminiHochberg(p);
    double[] holm = MultipleTesting.holm(p);
    double[] dependenceQ = dependenceQ(tests);
    List<TestOutcome> out = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      TestOutcome t = tests.get(i);
      out.add(
          t.withDependence(t.dependence().withQ(dependenceQ[i]))
              .withInference(q[i], holm[i], verdict(t, dependenceQ[i], thresholds)));
    }
    return out;
  }

  /**
   * Section 8: presence gates; a claim of use needs the decision-dependence q <= alpha and D >=
   * verdict.min-shift-sd. WSC's T, p and q are reported beside it, not part of the rule.
   */
  private static Verdict verdict(
      TestOutcome t, double dependenceQ, Settings.VerdictThresholds thresholds) {
    if (!t.tested() || !t.dependence().tested()) {
      return Verdict.NOT_TESTED;
    }
    return Verdict.decide(
        t.role(),
        t.presence().auroc(),
        dependenceQ,
        t.dependence().shiftSd(),
        thresholds.presenceGate(),
        thresholds.alpha(),
        thresholds.minShiftSd());
  }

  /** BH q-values of the decision-dependence p-values, one family per role; NaN if untested. */
  static double[] dependenceQ(List<TestOutcome> tests) {
    double[] q = new double[tests.size()];
    for (Role role : Role.values()) {
      double[] p = new double[tests.size()];
      for (int i = 0; i < p.length; i++) {
        TestOutcome t = tests.get(i);
        boolean inFamily = t.role() == role && t.tested() && t.dependence().tested();
        p[i] = inFamily ? t.dependence().p() : Double.NaN;
      }
      double[] adjusted = MultipleTesting.benjaminiHochberg(p);
      for (int i = 0; i < q.length; i++) {
        if (tests.get(i).role() == role) {
          q[i] = adjusted[i];
        }
      }
    }
    return q;
  }
}
