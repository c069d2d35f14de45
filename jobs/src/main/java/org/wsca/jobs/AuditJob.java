package org.wsca.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wsca.audit.AuditResult;
import org.wsca.audit.AuditRun;
import org.wsca.output.SummaryTable;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit: reads embeddings, fits heads, tests WSC, writes results. */
@Command(name = "wsca-audit", mixinStandardHelpOptions = true, version = "WSCA audit",
    sortOptions = false,
    description = {
        "Audits whether a model's clinical decision uses confounding metadata (Weight Space"
            + " Correlation with a site-stratified permutation test).",
        "Settings: reference.conf defaults < --config file < -Dwsca.* properties < --set and"
            + " the flags below.",
        "Exit codes: 0 success, 1 failure, 2 bad settings or arguments, 3 bad input."})
public final class AuditJob extends JobCommand {
  @Option(names = "--config", paramLabel = "FILE", description = "Settings file (HOCON), e.g. conf/audit.conf.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set permutation.count=99 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--input", paramLabel = "PATH",
      description = "Input Parquet path or URI (repeatable); replaces wsca.input.paths.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output-root", paramLabel = "PATH", description = "Sets wsca.output.root.")
  String outputRoot;

  @Option(names = "--run-id", paramLabel = "ID", description = "Sets wsca.output.run-id.")
  String runId;

  @Override
  public Integer call() {
    Settings settings = settings().requireInput();
    AuditResult result = JobRunner.withSession("wsca-audit",
        spark -> new AuditRun(spark, settings).execute());
    System.out.print(SummaryTable.format(result.tests()));
    System.out.println("Results: " + result.outputPath());
    return 0;
  }

  Settings settings() {
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
    return SettingsLoader.load(Optional.ofNullable(config), all);
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
