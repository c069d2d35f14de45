package org.wsca.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.wsca.blas.ExecutorBlas;
import org.wsca.input.InputFile;
import org.wsca.method.Head;
import org.wsca.method.Kind;
import org.wsca.method.NullDistribution;
import org.wsca.method.Role;
import org.wsca.method.Scope;
import org.wsca.method.Verdict;
import org.wsca.output.HistoryRow;
import org.wsca.output.Manifest;
import org.wsca.result.AuditResult;
import org.wsca.result.Dependence;
import org.wsca.result.PcaSummary;
import org.wsca.result.Presence;
import org.wsca.result.ScopeResult;
import org.wsca.result.TestOutcome;
import org.wsca.result.WscCell;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;

/**
 * A small audit result built by hand: one metadata task over a pooled scope and two sites, with a
 * WSC matrix per scope, seeded null statistics and a head that did not converge.
 */
final class ReportFixtures {
  static final String RUN_ID = "run-3";
  static final List<String> PRIMARY = List.of("abdomen", "head");

  private ReportFixtures() {}

  /**
   * @param task the metadata task's name; @param classes its classes; @param sites site names
   */
  static AuditResult result(String task, List<String> classes, List<String> sites) {
    List<ScopeResult> scopes = new ArrayList<>();
    List<TestOutcome> tests = new ArrayList<>();
    List<Scope> all = new ArrayList<>(List.of(Scope.pooled()));
    sites.forEach(s -> all.add(Scope.ofSite(s)));
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < all.size(); i++) {
      Scope scope = all.get(i);
      // Pooled is a clear shortcut; the sites are not significant.
      double t = i == 0 ? 0.55 : 0.12;
      TestOutcome test = test(task, classes, scope.name(), t, i == 0 ? 0.01 : 0.4, random);
      tests.add(test);
      scopes.add(
          new ScopeResult(
              scope,
              Optional.empty(),
              Optional.of(
                  new PcaSummary(scope.name(), "pca", 16, 16, 12, 0.991, new double[] {1}, 400)),
              List.of(head(scope.name(), task, classes, i != 1, i == 0)),
              cells(scope.name(), task, classes),
              List.of(test),
              Double.NaN));
    }
    return new AuditResult(
        RUN_ID,
        "/results/" + RUN_ID,
        scopes,
        tests,
        1200,
        3,
        Map.of("missing_site", 3L),
        960,
        237,
        16);
  }

  private static TestOutcome test(
      String task,
      List<String> classes,
      String scope,
      double t,
      double q,
      SplittableRandom random) {
    double[] nulls = new double[49];
    for (int b = 0; b < nulls.length; b++) {
      nulls[b] = 0.05 + 0.2 * random.nextDouble();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    classes.forEach(c -> counts.put(c, 100L));
    Verdict verdict = q <= 0.05 ? Verdict.SHORTCUT_RISK : Verdict.ENCODED_NOT_USED;
    return new TestOutcome(
        task,
        scope,
        Role.CONFOUNDER,
        Kind.CATEGORICAL,
        Optional.empty(),
        counts,
        0,
        new Presence(0.9, 0.8, 0.8, 200, counts),
        true,
        false,
        t,
        t / 2,
        Optional.of(new NullDistribution(nulls, scope.equals("pooled") ? 0 : 2)),
        q / 2,
        q,
        q,
        verdict,
        Optional.empty(),
        new Dependence(
            Optional.empty(),
            q <= 0.05 ? 1.2 : 0.1,
            q <= 0.05 ? 1.2 : -0.1,
            classes.get(0),
            classes.get(classes.size() - 1),
            q / 2,
            q,
            999,
            0.3,
            200));
  }

  private static Head head(
      String scope, String task, List<String> classes, boolean converged, boolean separable) {
    return new Head(
        scope,
        task,
        Head.PROBE,
        classes,
        classes,
        new double[][] {{1}},
        new double[][] {{1}},
        new double[] {0},
        converged,
        converged ? 20 : 100,
        400,
        separable);
  }

  /** Cells alternate in sign so that the heat map has both hues. */
  private static List<WscCell> cells(String scope, String task, List<String> classes) {
    List<WscCell> cells = new ArrayList<>();
    for (int i = 0; i < PRIMARY.size(); i++) {
      for (int j = 0; j < classes.size(); j++) {
        double wsc = ((i + j) % 2 == 0 ? 1 : -1) * (0.3 + 0.2 * j);
        cells.add(new WscCell(scope, task, PRIMARY.get(i), classes.get(j), i, j, wsc));
      }
    }
    return cells;
  }

  static Manifest manifest(String inputPath) {
    return new Manifest(
        RUN_ID,
        "0.1.0",
        "3.5.9",
        "17",
        "engine: pure Java (netlib Java11BLAS), 1 thread; MLlib: netlib Java11BLAS",
        List.of(
            new ExecutorBlas("0", "host-a", "bundled", "bundled OpenBLAS 0.3.31 (JavaCPP)", 1),
            new ExecutorBlas("1", "host-b", "java", "pure Java (netlib Java11BLAS)", 1)),
        "2026-11-28T10:00:00Z",
        "2026-11-28T10:05:00Z",
        7,
        "{\"wsca\":{\"input\":{\"paths\":[\"" + inputPath + "\"]}}}",
        "notes",
        List.of(new InputFile(inputPath + "/part-0.parquet", 1234)),
        1200,
        3,
        Map.of("missing_site", 3L),
        960,
        237,
        16,
        Map.of("read_validate", 1500L),
        Map.of("spark.master", "local[2]"));
  }

  static Settings settings(String inputPath, String... overrides) {
    List<String> all = new ArrayList<>(List.of("input.paths=[\"" + inputPath + "\"]"));
    all.addAll(List.of(overrides));
    return SettingsLoader.load(Optional.empty(), all);
  }

  static ReportInput input(
      String task, List<String> classes, List<String> sites, List<HistoryRow> history) {
    String path = "/data/in";
    return new ReportInput(result(task, classes, sites), manifest(path), settings(path), history);
  }
}
