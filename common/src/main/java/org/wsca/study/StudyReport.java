package org.wsca.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.wsca.output.JsonOut;

/**
 * Pure tabulation of a study: per-scenario rejection rates from the per-data-set outcomes, and
 * their text, CSV and JSON forms.
 */
public final class StudyReport {
  private StudyReport() {}

  /**
   * One summary per scenario, in the scenarios' order. WSC-p scenarios leave out data sets whose
   * test was skipped ({@code skipped}); verdict scenarios count every data set.
   */
  public static List<ScenarioSummary> summarise(
      List<Scenario> scenarios, List<DatasetOutcome> outcomes, double alpha) {
    List<ScenarioSummary> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      long n = 0;
      long hits = 0;
      long skipped = 0;
      long claims = 0;
      long notTested = 0;
      long dependenceTested = 0;
      long dependenceRejections = 0;
      double shiftSum = 0;
      for (DatasetOutcome o : outcomes) {
        if (!o.scenario().equals(s.key()) || !o.strata().equals(s.strataName())) {
          continue;
        }
        claims += o.useClaimed() ? 1 : 0;
        notTested += "NOT_TESTED".equals(o.verdict()) ? 1 : 0;
        if (!Double.isNaN(o.dependenceP())) {
          dependenceTested++;
          dependenceRejections += o.dependenceRejected(alpha) ? 1 : 0;
          shiftSum += o.dependenceShiftSd();
        }
        if (!s.measure().counts(o)) {
          skipped++;
          continue;
        }
        n++;
        hits += s.measure().hit(o, alpha) ? 1 : 0;
      }
      double rate = n == 0 ? Double.NaN : (double) hits / n;
      Wilson ci = n == 0 ? new Wilson(Double.NaN, Double.NaN) : Wilson.of95(hits, n);
      ScenarioSummary.Readings readings =
          new ScenarioSummary.Readings(
              s.measure(),
              claims,
              notTested,
              dependenceTested,
              dependenceRejections,
              dependenceTested == 0 ? Double.NaN : shiftSum / dependenceTested);
      out.add(
          new ScenarioSummary(
              s.key(),
              s.strataName(),
              s.description(),
              n,
              hits,
              rate,
              ci,
              s.target(),
              skipped,
              readings));
    }
    return out;
  }

  /**
   * Writes datasets.csv, summary.csv and summary.json (with {@code study} saying how the outcomes
   * were made) to {@code output}, replacing earlier versions.
   */
  static void writeTables(
      FileSystem fs,
      String output,
      List<DatasetOutcome> outcomes,
      List<ScenarioSummary> summaries,
      ObjectNode study)
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
            "%-26s %-11s %-14s %8s %8s %6s %-16s %-8s %-15s %10s %10s %9s %s%n",
            "scenario",
            "strata",
            "measure",
            "datasets",
            "hits",
            "rate",
            "95% CI",
            "target",
            "met?",
            "use claims",
            "NOT_TESTED",
            "dep p<=a",
            "mean D"));
    for (ScenarioSummary r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-26s %-11s %-14s %8d %8d %6s %-16s %-8s %-15s %10d %10d %9s %s%n",
              r.scenario(),
              r.strata(),
              r.readings().measure().label(),
              r.datasets(),
              r.rejections(),
              number(r.rate()),
              "[" + number(r.interval().low()) + ", " + number(r.interval().high()) + "]",
              r.target().label(),
              r.met(),
              r.readings().useClaims(),
              r.readings().notTested(),
              r.readings().dependenceRejections() + "/" + r.readings().dependenceTested(),
              number(r.readings().meanShiftSd())));
    }
    return b.toString();
  }

  public static String summaryCsv(List<ScenarioSummary> rows) {
    StringBuilder b =
        new StringBuilder(
            "scenario,strata,datasets,rejections,rate,ci_low,ci_high,target,met,skipped,measure,"
                + "use_claims,not_tested,dependence_tested,dependence_rejections,mean_shift_sd\n");
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
                  Long.toString(r.skipped()),
                  DatasetsCsv.field(r.readings().measure().label()),
                  Long.toString(r.readings().useClaims()),
                  Long.toString(r.readings().notTested()),
                  Long.toString(r.readings().dependenceTested()),
                  Long.toString(r.readings().dependenceRejections()),
                  number(r.readings().meanShiftSd())))
          .append('\n');
    }
    return b.toString();
  }

  /** The summary as JSON, with {@code study} describing how it was made. */
  static String summaryJson(List<ScenarioSummary> rows, ObjectNode study) {
    ObjectNode json = JsonOut.object();
    json.set("study", study);
    ArrayNode scenarios = json.putArray("scenarios");
    for (ScenarioSummary r : rows) {
      scenarios
          .addObject()
          .put("scenario", r.scenario())
          .put("strata", r.strata())
          .put("description", r.description())
          .put("datasets", r.datasets())
          .put("rejections", r.rejections())
          .put("rate", JsonOut.rounded(r.rate(), 6))
          .put("ci_low", JsonOut.rounded(r.interval().low(), 6))
          .put("ci_high", JsonOut.rounded(r.interval().high(), 6))
          .put("target", r.target().label())
          .put("met", r.met())
          .put("skipped", r.skipped())
          .put("measure", r.readings().measure().label())
          .put("use_claims", r.readings().useClaims())
          .put("not_tested", r.readings().notTested())
          .put("dependence_tested", r.readings().dependenceTested())
          .put("dependence_rejections", r.readings().dependenceRejections())
          .put("mean_shift_sd", JsonOut.rounded(r.readings().meanShiftSd(), 6));
    }
    return JsonOut.text(json);
  }

  static String number(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
  }
}
