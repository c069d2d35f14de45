package org.wsca.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.wsca.demo.DemoData;
import org.wsca.output.SummaryTable;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Quick start: generates both demo variants, audits each, prints their summaries. */
@Command(
    name = "wsca-demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Generates the balanced and biased demo data sets, audits both with"
            + " conf/demo.conf and prints the verdicts. Everything goes under --output.")
public final class DemoJob extends JobCommand {
  @Option(
      names = "--config",
      defaultValue = "conf/demo.conf",
      paramLabel = "FILE",
      description = "Demo settings (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--output",
      defaultValue = "demo-output",
      paramLabel = "DIR",
      description = "Folder for data and results (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a setting (repeatable).")
  List<String> overrides = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    ChartLibrary.requireFor(SettingsLoader.load(Optional.of(config), overrides));
    return JobRunner.withSession("wsca-demo", this::run);
  }

  private int run(SparkSession spark) {
    for (DemoData.Variant variant : DemoData.Variant.values()) {
      String name = variant.name().toLowerCase();
      String data = output + "/data/" + name;
      DemoData demo = new DemoData(variant, 64, 3, 7, DemoData.Strengths.defaults(), 1.0);
      demo.write(spark, data, 4);
      Settings settings = settings(data, output + "/results/" + name);
      AuditResult result = new AuditRun(spark, settings).execute();
      System.out.println();
      System.out.println(
          "== " + name + ": " + demo.rows() + " rows, results in " + result.outputPath());
      System.out.print(SummaryTable.format(result.tests()));
      if (settings.report().enabled()) {
        System.out.println("Report: " + result.outputPath() + "/report.html");
      }
    }
    return 0;
  }

  private Settings settings(String data, String results) {
    List<String> all = new java.util.ArrayList<>(overrides);
    all.add("input.paths=[" + AuditJob.quoted(data) + "]");
    all.add("output.root=" + AuditJob.quoted(results));
    all.add("output.run-id=demo");
    return SettingsLoader.load(Optional.of(config), all);
  }

  public static void main(String[] args) {
    System.exit(JobRunner.run(new DemoJob(), args));
  }
}
