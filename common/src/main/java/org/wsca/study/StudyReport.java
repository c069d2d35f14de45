package org.wsca.study;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.wsca.output.JsonText;

/**
 * Pure tabulation of a study: per-scenario rejection rates from the per-data-set outcomes, and
 * their text, CSV and JSON forms.
 */
public final class StudyReport {
  private StudyReport() {}

  /** One summary per scenario, in the scenarios' order; untested data sets are not counted. */
  public static List<ScenarioSummary> summarise(
      List<Scenario> scenarios, List<DatasetOutcome> outcomes, double alpha) {
    List<ScenarioSummary> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      long n = 0;
      long rejections = 0;
      long skipped = 0;
      for (DatasetOutcome o : outcomes) {
        if (!o.scenario().equals(s.key()) || !o.strata().equals(s.strataName())) {
          continue;
        }
        if (!o.tested()) {
          skipped++;
          continue;
        }
        n++;
        rejections += o.rejected(alpha) ? 1 : 0;
      }
      double rate = n == 0 ? Double.NaN : (double) rejections / n;
      Wilson ci = n == 0 ? new Wilson(Double.NaN, Double.NaN) : Wilson.of95(rejections, n);
      out.add(
          new ScenarioSummary(
              s.key(),
              s.strataName(),
              s.description(),
              n,
              rejections,
              rate,
              ci,
              s.target(),
              skipped));
    }
    return out;
  }

  /**
   * Writes datasets.csv, summary.csv and summary.json (with {@code study}, a JSON object, saying
   * how the outcomes were made) to {@code output}, replacing earlier versions.
   */
  static void writeTables(
      FileSystem fs,
      String output,
      List<DatasetOutcome> outcomes,
      List<ScenarioSummary> summaries,
      String study)
      throws IOException {
    write(fs, new Path(output, "datasets.csv"), DatasetsCsv.write(outcomes));
    write(fs, new Path(output, "summary.csv"), summaryCsv(summaries));
    write(fs, new Path(output, "summary.json"), summaryJson(summaries, study));
  }

  private static void write(FileSystem fs, Path path, String text) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static String table(List<ScenarioSummary> rows) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-17s %-11s %8s %10s %6s %-16s %-8s %s%n",
            "scenario",
            "strata",
            "datasets",
            "rejections",
            "rate",
            "95% CI",
            "target",
            "met?"));
    for (ScenarioSummary r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-17s %-11s %8d %10d %6s %-16s %-8s %s%n",
              r.scenario(),
              r.strata(),
              r.datasets(),
              r.rejections(),
              number(r.rate()),
              "[" + number(r.interval().low()) + ", " + number(r.interval().high()) + "]",
              r.target().label(),
              r.met()));
    }
    return b.toString();
  }

  public static String summaryCsv(List<ScenarioSummary> rows) {
    StringBuilder b =
        new StringBuilder(
            "scenario,strata,datasets,rejections,rate,ci_low,ci_high,target,met,skipped\n");
    for (ScenarioSummary r : rows) {
      b.append(
              String.join(
                  ",",
                  r.scenario(),
                  r.strata(),
                  Long.toString(r.datasets()),
                  Long.toString(r.rejections()),
                  number(r.rate()),
                  number(r.interval().low()),
                  number(r.interval().high()),
                  DatasetsCsv.field(r.target().label()),
                  DatasetsCsv.field(r.met()),
                  Long.toString(r.skipped())))
          .append('\n');
    }
    return b.toString();
  }

  /** The summary as JSON, with {@code study} (a JSON object) describing how it was made. */
  static String summaryJson(List<ScenarioSummary> rows, String study) {
    StringBuilder b =
        new StringBuilder("{\n  \"study\": ").append(study).append(",\n  \"scenarios\": [");
    for (int i = 0; i < rows.size(); i++) {
      ScenarioSummary r = rows.get(i);
      b.append(i == 0 ? "\n" : ",\n")
          .append("    {")
          .append("\"scenario\": ")
          .append(json(r.scenario()))
          .append(", \"strata\": ")
          .append(json(r.strata()))
          .append(", \"description\": ")
          .append(json(r.description()))
          .append(", \"datasets\": ")
          .append(r.datasets())
          .append(", \"rejections\": ")
          .append(r.rejections())
          .append(", \"rate\": ")
          .append(jsonNumber(r.rate()))
          .append(", \"ci_low\": ")
          .append(jsonNumber(r.interval().low()))
          .append(", \"ci_high\": ")
          .append(jsonNumber(r.interval().high()))
          .append(", \"target\": ")
          .append(json(r.target().label()))
          .append(", \"met\": ")
          .append(json(r.met()))
          .append(", \"skipped\": ")
          .append(r.skipped())
          .append('}');
    }
    return b.append("\n  ]\n}\n").toString();
  }

  static String number(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String jsonNumber(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "null";
  }

  static String json(String v) {
    return JsonText.string(v);
  }
}
