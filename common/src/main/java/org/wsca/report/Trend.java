package org.wsca.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsca.output.HistoryRow;
import org.wsca.result.TestOutcome;

/**
 * T of every test over the last runs (oldest first, this run last) and its change since the
 * previous run. A change larger in size than the threshold is flagged. A test missing from a run,
 * or not tested in it, has NaN there and no change.
 */
record Trend(List<String> runIds, List<Row> rows) {

  /** One test's T per run of {@link #runIds()}, and the change from the previous run. */
  record Row(String task, String scope, List<Double> t, double change, boolean flagged) {}

  /**
   * @param previous history rows of earlier committed runs; rows of {@code runId} are ignored (a
   *     re-run replaces that run)
   * @param runs how many runs to show, this one included
   */
  static Trend of(
      List<HistoryRow> previous,
      String runId,
      List<TestOutcome> current,
      int runs,
      double threshold) {
    List<HistoryRow> earlier = previous.stream().filter(h -> !h.runId().equals(runId)).toList();
    List<String> runIds = new ArrayList<>(lastRuns(earlier, runs - 1));
    runIds.add(runId);
    Map<String, Map<String, Double>> byTest = new LinkedHashMap<>();
    for (TestOutcome t : current) {
      byTest
          .computeIfAbsent(key(t.task(), t.scope()), k -> new LinkedHashMap<>())
          .put(runId, t.t());
    }
    earlier.stream()
        .filter(h -> runIds.contains(h.runId()))
        .sorted(Comparator.comparing(HistoryRow::task).thenComparing(HistoryRow::scope))
        .forEach(
            h ->
                byTest
                    .computeIfAbsent(key(h.task(), h.scope()), k -> new LinkedHashMap<>())
                    .put(h.runId(), h.t()));
    List<Row> rows = new ArrayList<>();
    byTest.forEach((key, values) -> rows.add(row(key, values, runIds, threshold)));
    return new Trend(List.copyOf(runIds), List.copyOf(rows));
  }

  boolean hasHistory() {
    return runIds.size() > 1;
  }

  long flaggedCount() {
    return rows.stream().filter(Row::flagged).count();
  }

  /** Earlier run ids by finish time (then id), the last {@code count} of them. */
  private static List<String> lastRuns(List<HistoryRow> earlier, int count) {
    Map<String, String> finished = new LinkedHashMap<>();
    earlier.forEach(
        h -> finished.merge(h.runId(), h.finishedAt(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
    List<String> ordered =
        finished.entrySet().stream()
            .sorted(
                Map.Entry.<String, String>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    return ordered.subList(Math.max(0, ordered.size() - Math.max(0, count)), ordered.size());
  }

  private static Row row(
      String key, Map<String, Double> values, List<String> runIds, double threshold) {
    List<Double> t = new ArrayList<>();
    runIds.forEach(id -> t.add(values.getOrDefault(id, Double.NaN)));
    double change = t.size() < 2 ? Double.NaN : t.get(t.size() - 1) - t.get(t.size() - 2);
    String[] parts = key.split("\u0000", 2);
    return new Row(
        parts[0],
        parts[1],
        List.copyOf(t),
        change,
        !Double.isNaN(change) && Math.abs(change) > threshold);
  }

  private static String key(String task, String scope) {
    return task + "\u0000" + scope;
  }
}
