package org.wsca.audit;

import java.util.ArrayList;
import java.util.List;
import org.wsca.math.MultipleTesting;
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
    // One family per role (docs/method.md section 6.4), for WSC and for the decision-dependence
    // test alike: clinical findings do not loosen the confounders' threshold.
    String[] family = families(tests);
    double[] q = MultipleTesting.benjaminiHochberg(p, family);
    double[] holm = MultipleTesting.holm(p, family);
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
    double[] p =
        tests.stream()
            .mapToDouble(
                t -> t.tested() && t.dependence().tested() ? t.dependence().p() : Double.NaN)
            .toArray();
    return MultipleTesting.benjaminiHochberg(p, families(tests));
  }

  private static String[] families(List<TestOutcome> tests) {
    return tests.stream().map(TestOutcome::family).toArray(String[]::new);
  }
}
