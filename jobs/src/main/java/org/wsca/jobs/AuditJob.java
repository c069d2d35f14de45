package org.wsca.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.wsca.audit.DryRun;
import org.wsca.audit.ShortcutGate;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;
import org.wsca.output.SummaryTable;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit: reads embeddings, fits heads, tests WSC, writes results. */
@Command(
    name = "wsca-audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Audits whether a model's clinical decision uses confounding metadata (Weight Space"
          + " Correlation with a site-stratified permutation test).",
      "Settings: reference.conf defaults < --config file < -Dwsca.* properties < --set and"
          + " the flags below.",
      "Results go to <output.root>/<run id>/; re-running a run id replaces its results"
          + " and (output.resume = true, the default) reuses the permutation chunks a failed"
          + " attempt finished.",
      "Exit codes: 0 success, 1 failure, 2 bad settings or arguments, 3 bad input,"
          + " 4 a SHORTCUT_RISK found with verdict.gate-on-shortcut-risk = true (results"
          + " committed), 5 the run id is busy (another live run holds its lease; nothing"
          + " touched)."
    })
public final class AuditJob extends JobCommand {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (HOCON), e.g. conf/audit.conf.")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set permutation.count=99 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description = "Input Parquet path or URI (repeatable); replaces wsca.input.paths.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output-root", paramLabel = "PATH", description = "Sets wsca.output.root.")
  String outputRoot;

  @Option(names = "--run-id", paramLabel = "ID", description = "Sets wsca.output.run-id.")
  String runId;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "A dated (nightly) run: sets wsca.output.run-id to this date, so results go"
              + " to <output.root>/<date>/. Not together with --run-id.")
  String runDate;

  @Option(
      names = "--dry-run",
      description =
          "Read and check the input, print what the audit would do (scopes, tasks, training rows"
              + " per class, tests run or skipped and why, rows rejected and why), write nothing.")
  boolean dryRun;

  @Option(
      names = "--submission",
      hidden = true,
      paramLabel = "TOKEN",
      description = "Recorded in summary.json (submit/wsca-submit, cluster mode).")
  String submission;

  @Option(
      names = "--run-id-if-unset",
      hidden = true,
      paramLabel = "ID",
      description = "The run id when the settings give none (submit/wsca-submit, cluster mode).")
  String runIdIfUnset;

  @Option(
      names = "--outcome",
      hidden = true,
      description =
          "Run nothing: exit with the gate's code of the committed run these arguments name,"
              + " read from its summary.json (submit/wsca-submit, cluster mode).")
  boolean outcome;

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @Override
  public Integer call() {
    Settings settings = settings().requireInput();
    if (outcome) {
      return SubmittedRun.outcome(settings, submission);
    }
    if (dryRun) {
      System.out.print(
          JobRunner.withSession("wsca-dry-run", spark -> new DryRun(spark, settings).execute())
              .format());
      return ExitCode.SUCCESS.code();
    }
    ChartLibrary.requireFor(settings);
    AuditResult result =
        JobRunner.withSession(
            "wsca-audit", spark -> new AuditRun(spark, settings).submission(submission).execute());
    System.out.print(SummaryTable.format(result.tests()));
    System.out.println("Results: " + result.outputPath());
    if (settings.report().enabled()) {
      System.out.println("Report: " + result.outputPath() + "/report.html");
    }
    return gate(settings, result).code();
  }

  private static ExitCode gate(Settings settings, AuditResult result) {
    List<String> findings = ShortcutGate.findings(settings.verdict(), result.tests());
    if (!findings.isEmpty()) {
      System.err.println(
          "wsca: gate: SHORTCUT_RISK in "
              + String.join(", ", findings)
              + " (verdict.gate-on-shortcut-risk = true); the results are committed to "
              + result.outputPath()
              + ". Exit code "
              + ExitCode.SHORTCUT_RISK.code()
              + ".");
    }
    return ShortcutGate.exitCode(settings.verdict(), result.tests());
  }

  /** The run id of {@code --run-date}: the date itself, once checked to be a real ISO date. */
  static String runIdOfDate(String date) {
    try {
      if (ISO_DATE.matcher(date).matches()) {
        return LocalDate.parse(date).toString();
      }
    } catch (DateTimeParseException e) {
      // reported below, with the expected form
    }
    throw WscaException.badSettings(
        "--run-date "
            + date
            + " is not a date: give it as"
            + " YYYY-MM-DD, e.g. --run-date 2026-11-28 (in Airflow: --run-date '{{ ds }}')");
  }

  Settings settings() {
    if (runId != null && runDate != null) {
      throw WscaException.badSettings(
          "--run-id "
              + runId
              + " and --run-date "
              + runDate
              + " both name the run: pass only one of them");
    }
    List<String> all = new ArrayList<>(overrides);
    if (!inputs.isEmpty()) {
      all.add("input.paths=" + quotedList(inputs));
    }
    if (outputRoot != null) {
      all.add("output.root=" + quoted(outputRoot));
    }
    if (runId != null) {
      all.add("output.run-id=" + quoted(runId));
    }
    if (runDate != null) {
      all.add("output.run-id=" + quoted(runIdOfDate(runDate)));
    }
    Settings settings = SettingsLoader.load(Optional.ofNullable(config), all);
    if (runIdIfUnset != null && settings.output().runId().isEmpty()) {
      all.add("output.run-id=" + quoted(runIdIfUnset));
      return SettingsLoader.load(Optional.ofNullable(config), all);
    }
    return settings;
  }

  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String quotedList(List<String> values) {
    return "[" + String.join(",", values.stream().map(AuditJob::quoted).toList()) + "]";
  }

  public static void main(String[] args) {
    System.exit(JobRunner.run(new AuditJob(), args));
  }
}
