package org.wsca.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.wsca.errors.WscaException;
import org.wsca.study.CalibrationResult;
import org.wsca.study.CalibrationStudy;
import org.wsca.study.ScenarioSummary;
import org.wsca.study.Scenarios;
import org.wsca.study.StudyMerge;
import org.wsca.study.StudyReport;
import org.wsca.study.StudySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The calibration and power study of the permutation test (README: calibration study). */
@Command(
    name = "wsca-calibration",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Audits N seeded demo data sets per scenario in the pooled scope and reports how often"
          + " p <= 0.05, with Wilson 95%% intervals.",
      "Scenarios: not-encoded (a random label; size, target <= 0.05), encoded-not-used"
          + " (balanced scanner; size, <= 0.05), shortcut (biased scanner; power, >= 0.8),"
          + " clinical (gestational_age; power, >= 0.8). Select with key or key@strata,"
          + " e.g. --scenarios not-encoded,shortcut@site.",
      "--scenarios validation: issue 12's validation of the verdicts (validation data with a"
          + " supplied head of known use: noise per image and per patient, encoded but ignored,"
          + " the weak-shortcut grid, one scanner per site; and the biased demo), counting"
          + " claims of use or NOT_TESTED verdicts (docs/validation.md).",
      "--scenarios relu: embeddings shaped like a real network's ReLU layer (dead and near-dead"
          + " units, unequal scales, heavy tails) with the probe as clinical head: a noise task"
          + " (claims of use <= 0.05) and the scanner (reported).",
      "Writes <output>/datasets.csv, summary.csv and summary.json (rewritten after every"
          + " data set).",
      "With --merge DIR,DIR,... it runs nothing: it merges studies run in parts (different"
          + " --seed ranges, same other settings) into <output>."
    })
public final class CalibrationJob extends JobCommand {
  @Option(
      names = "--datasets",
      defaultValue = "200",
      description = "Seeded data sets per scenario (default: ${DEFAULT-VALUE}).")
  int datasets;

  @Option(
      names = "--permutations",
      defaultValue = "99",
      description = "Permutations B per test (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      description = "Multiplies the demo's cell sizes (default: ${DEFAULT-VALUE}, the paper's).")
  double scale;

  @Option(
      names = "--dimension",
      defaultValue = "64",
      description = "Embedding dimension (default: ${DEFAULT-VALUE}, the demo's).")
  int dimension;

  @Option(names = "--sites", defaultValue = "3", description = "Sites (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(
      names = "--dependence-permutations",
      defaultValue = "0",
      description =
          "B of the decision-dependence test in every audit (default: the audit's"
              + " dependence.permutations).")
  int dependencePermutations;

  @Option(
      names = "--seed",
      defaultValue = "1000",
      description =
          "Data set i uses seed SEED + i for the data and the audit"
              + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--output",
      defaultValue = "calibration-output",
      paramLabel = "DIR",
      description = "Folder for the tables and the temporary data (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "NAME",
      description =
          "Scenarios to run (default: all): not-encoded, encoded-not-used, shortcut,"
              + " clinical, optionally @site or @site+label; or validation, or relu.")
  List<String> scenarios = new ArrayList<>();

  @Option(
      names = "--merge",
      split = ",",
      paramLabel = "DIR",
      description =
          "Merge the tables of studies run in parts into --output instead of running"
              + " one; the parts must differ only in --seed and --datasets, and share no seed.")
  List<String> merge = new ArrayList<>();

  @Override
  public Integer call() {
    if (!merge.isEmpty()) {
      return merged();
    }
    StudySettings settings = settings();
    CalibrationResult result =
        JobRunner.withSession(
            "wsca-calibration", spark -> new CalibrationStudy(spark, settings).execute());
    System.out.print(StudyReport.table(result.summaries()));
    System.out.println(
        "Results: " + result.outputPath() + " (summary.csv, summary.json," + " datasets.csv)");
    return 0;
  }

  private int merged() {
    List<ScenarioSummary> summaries =
        new StudyMerge(new Configuration()).merge(merge, output, Scenarios.ALPHA);
    System.out.print(StudyReport.table(summaries));
    System.out.println("Results: " + output + " (summary.csv, summary.json, datasets.csv)");
    return 0;
  }

  StudySettings settings() {
    try {
      return new StudySettings(
          datasets,
          permutations,
          scale,
          dimension,
          sites,
          seed,
          Scenarios.ALPHA,
          output,
          Scenarios.select(scenarios),
          dependencePermutations);
    } catch (IllegalArgumentException e) {
      throw WscaException.badSettings(e.getMessage());
    }
  }

  public static void main(String[] args) {
    System.exit(JobRunner.run(new CalibrationJob(), args));
  }
}
