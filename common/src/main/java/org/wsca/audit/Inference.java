package org.wsca.audit;

import java.util.ArrayList;
import java.util.List;
import org.wsca.math.MultipleTesting;
import org.wsca.method.Verdict;
import org.wsca.result.TestOutcome;
import org.wsca.settings.Settings;

/**
 * Multiple testing across every (metadata task, scope) test of a run, then the verdicts
 * (docs/method.md sections 6 and 8). Pure: no Spark.
 */
public final class Inference {
  private Inference() {}

  public static List<TestOutcome> decide(
      List<TestOutcome> tests, Settings.VerdictThresholds thresholds) {
    double[] p = tests.stream().mapToDouble(t -> t.tested() ? t.p() : Double.NaN).toArray();
    // One family per role (docs/method.md section 6.4): clinical findings do not loosen the
    // confounders' threshold.
    String[] family = tests.stream().map(TestOutcome::family).toArray(String[]::new);
    double[] q = MultipleTesting.benjaminiHochberg(p, family);
    double[] holm = MultipleTesting.holm(p, family);
    List<TestOutcome> out = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      TestOutcome t = tests.get(i);
      Verdict verdict =
          t.tested()
              ? Verdict.decide(
                  t.role(),
                  t.presence().auroc(),
                  q[i],
                  t.t(),
                  thresholds.presenceGate(),
                  thresholds.alpha(),
                  thresholds.minEffect())
              : Verdict.NOT_TESTED;
      out.add(t.withInference(q[i], holm[i], verdict));
    }
    return out;
  }
}
