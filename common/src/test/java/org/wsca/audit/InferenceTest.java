package org.wsca.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wsca.dependence.DependenceResult;
import org.wsca.dependence.RowPermuter;
import org.wsca.dependence.ShiftStatistic;
import org.wsca.dependence.StratumScores;
import org.wsca.method.Kind;
import org.wsca.method.NullDistribution;
import org.wsca.method.Role;
import org.wsca.method.Verdict;
import org.wsca.result.Dependence;
import org.wsca.result.Presence;
import org.wsca.result.TestOutcome;
import org.wsca.settings.Settings;

/** The verdict rule of docs/method.md section 8 over the decision-dependence test (section 11). */
class InferenceTest {
  private static final Settings.VerdictThresholds THRESHOLDS =
      new Settings.VerdictThresholds(0.05, 0.10, 0.60, false, 0.4);

  @Test
  void useNeedsDependenceSignificanceAndTheMinimumShiftNotWsc() {
    List<TestOutcome> decided =
        Inference.decide(
            List.of(
                test("aligned but no shift", Role.CONFOUNDER, 0.9, 0.001, 0.5, 0.1),
                test("shift", Role.CONFOUNDER, 0.9, 0.9, 0.001, 1.2),
                test("small shift", Role.CONFOUNDER, 0.9, 0.001, 0.001, 0.39),
                test("not encoded", Role.CONFOUNDER, 0.55, 0.001, 0.001, 1.2),
                test("clinical", Role.CLINICAL, 0.9, 0.9, 0.001, 0.8)),
            THRESHOLDS);
    assertThat(decided)
        .extracting(TestOutcome::verdict)
        .containsExactly(
            Verdict.ENCODED_NOT_USED,
            Verdict.SHORTCUT_RISK,
            Verdict.ENCODED_NOT_USED,
            Verdict.NOT_ENCODED,
            Verdict.USES_CLINICAL_SIGNAL);
  }

  /**
   * Ten null confounders (p = 0.04 ... 0.5) next to ten clinical tests at p = 0.001: in one family
   * the clinical tests would pull the confounder at p = 0.04 under q = 0.05 (0.04 * 20 / 11 < 0.073
   * is not, but 0.004 would be); per role the confounders are adjusted among themselves.
   */
  @Test
  void dependenceQIsAdjustedWithinEachRole() {
    List<TestOutcome> tests =
        List.of(
            test("c1", Role.CONFOUNDER, 0.9, 0.5, 0.01, 1.0),
            test("c2", Role.CONFOUNDER, 0.9, 0.5, 0.5, 1.0),
            test("k1", Role.CLINICAL, 0.9, 0.5, 0.001, 1.0),
            test("k2", Role.CLINICAL, 0.9, 0.5, 0.001, 1.0),
            test("k3", Role.CLINICAL, 0.9, 0.5, 0.001, 1.0));
    double[] q = Inference.dependenceQ(tests);
    // Confounders alone: 0.01 * 2 / 1 = 0.02 and 0.5; pooled with the clinical tests c1 would get
    // 0.01 * 5 / 4 = 0.0125.
    assertThat(q[0]).isCloseTo(0.02, within(1e-12));
    assertThat(q[1]).isCloseTo(0.5, within(1e-12));
    assertThat(q[2]).isCloseTo(0.001, within(1e-12));
    List<TestOutcome> decided = Inference.decide(tests, THRESHOLDS);
    assertThat(decided.get(0).dependence().q()).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void untestableDependenceIsNotTestedWithItsReason() {
    TestOutcome oneScannerPerSite =
        base("scanner", Role.CONFOUNDER, 0.99, 0.001)
            .withDependence(Dependence.untestable("scanner takes one value in every cell", 0));
    TestOutcome decided = Inference.decide(List.of(oneScannerPerSite), THRESHOLDS).get(0);
    assertThat(decided.verdict()).isEqualTo(Verdict.NOT_TESTED);
    assertThat(decided.notTestedReason()).contains("scanner takes one value in every cell");
    assertThat(decided.dependence().q()).isNaN();
  }

  /** One scanner per site: the scanner never varies within a (label, site) cell. */
  @Test
  void oneScannerPerSiteIsNeverAShortcutRisk() {
    List<StratumScores> cells = new java.util.ArrayList<>();
    for (int site = 0; site < 3; site++) {
      for (int label = 0; label < 2; label++) {
        int[] scanner = new int[20];
        double[][] scores = new double[1][20];
        for (int i = 0; i < 20; i++) {
          scanner[i] = site;
          scores[0][i] = label + 3.0 * site + 0.1 * i;
        }
        cells.add(new StratumScores("l" + label + "|s" + site, scanner, scores));
      }
    }
    DependenceResult result =
        DependenceResult.of(
            new ShiftStatistic(cells, 3), 99, new RowPermuter(1, "scanner", "pooled"));
    Dependence dependence =
        Dependence.of(result, List.of("b vs a"), List.of("E10", "S10", "E6"), "scanner", 0.05);
    TestOutcome decided =
        Inference.decide(
                List.of(base("scanner", Role.CONFOUNDER, 1.0, 0.001).withDependence(dependence)),
                THRESHOLDS)
            .get(0);
    assertThat(decided.verdict()).isEqualTo(Verdict.NOT_TESTED);
    assertThat(decided.notTestedReason().orElseThrow())
        .contains("scanner takes one value in every (label, site) cell");
  }

  private static TestOutcome test(
      String task, Role role, double presence, double wscP, double dependenceP, double shift) {
    return base(task, role, presence, wscP)
        .withDependence(
            new Dependence(
                Optional.empty(), shift, shift, "a", "b", dependenceP, Double.NaN, 999, 0.3, 500));
  }

  /** A tested outcome whose WSC p is {@code wscP} (B = 999 null statistics placed to give it). */
  private static TestOutcome base(String task, Role role, double presence, double wscP) {
    double[] nulls = new double[999];
    int above = (int) Math.round(wscP * 1000) - 1;
    for (int b = 0; b < nulls.length; b++) {
      nulls[b] = b < above ? 0.9 : 0.1;
    }
    return TestOutcome.of(task, "pooled", role, Kind.CATEGORICAL)
        .counted(Map.of("a", 50L, "b", 50L), 0)
        .measured(new Presence(presence, 0.8, 0.8, 100, Map.of("a", 50L, "b", 50L)), true, false)
        .aligned(0.5, 0.3, new NullDistribution(nulls, 0));
  }
}
