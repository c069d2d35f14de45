package org.wsca.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wsca.method.Scope;
import org.wsca.report.Figure.Section;
import org.wsca.result.ScopeResult;
import org.wsca.result.TestOutcome;

/** Renders every figure of a report, in the order the page shows them. */
final class Figures {
  private static final int WIDTH = 760;

  private Figures() {}

  static List<Figure> render(ReportInput input, Trend trend) {
    List<Figure> figures = new ArrayList<>();
    input.result().scopes().forEach(s -> heatMap(s).ifPresent(figures::add));
    if (!input.tested().isEmpty()) {
      figures.add(
          new Figure(
              Section.PRESENCE_USE,
              FigureName.of("presence-use"),
              "Presence versus use",
              "Probe AUROC against T for every tested task and scope.",
              ChartStyle.png(PresenceUseChart.chart(input), WIDTH, 520)));
    }
    forestRows(input).forEach((task, tests) -> figures.add(forest(task, tests, input)));
    input.tested().forEach(t -> figures.add(nullHistogram(t, input)));
    if (trend.hasHistory()) {
      figures.add(
          new Figure(
              Section.TREND,
              FigureName.of("trend"),
              "T over the last runs",
              "T of every task and scope in the last " + trend.runIds().size() + " runs.",
              ChartStyle.png(TrendChart.chart(trend), WIDTH, 480)));
    }
    return figures;
  }

  private static Optional<Figure> heatMap(ScopeResult scope) {
    if (scope.cells().isEmpty()) {
      return Optional.empty();
    }
    String name = scope.scope().name();
    HeatMapChart chart = new HeatMapChart(name, scope.cells());
    return Optional.of(
        new Figure(
            Section.HEAT_MAP,
            FigureName.of("wsc", name),
            "WSC matrix, " + name,
            "Primary classes against metadata classes in scope " + name + ".",
            ChartStyle.png(chart.chart(), chart.width(), chart.height())));
  }

  /** Tested outcomes per task, pooled first; only tasks tested in at least one site. */
  private static Map<String, List<TestOutcome>> forestRows(ReportInput input) {
    Map<String, List<TestOutcome>> byTask = new LinkedHashMap<>();
    for (TestOutcome t : input.tested()) {
      byTask.computeIfAbsent(t.task(), k -> new ArrayList<>()).add(t);
    }
    byTask.values().removeIf(tests -> tests.stream().allMatch(Figures::pooled));
    return byTask;
  }

  private static boolean pooled(TestOutcome t) {
    return t.scope().equals(Scope.POOLED);
  }

  private static Figure forest(String task, List<TestOutcome> tests, ReportInput input) {
    return new Figure(
        Section.FOREST,
        FigureName.of("forest", task),
        "Per-site T: " + task,
        "T of task " + task + " in each scope against that scope's null.",
        ChartStyle.png(
            ForestChart.chart(task, tests, input), WIDTH, ForestChart.height(tests.size())));
  }

  private static Figure nullHistogram(TestOutcome t, ReportInput input) {
    return new Figure(
        Section.NULL_DISTRIBUTION,
        FigureName.of("null", t.task(), t.scope()),
        "Null distribution: " + t.task() + ", " + t.scope(),
        String.format(
            Locale.ROOT,
            "%d permutations; observed T %.3f, p %.3f.",
            t.nulls().orElseThrow().permutations(),
            t.t(),
            t.p()),
        ChartStyle.png(NullHistogramChart.chart(t, input.significant(t)), WIDTH, 360));
  }
}
