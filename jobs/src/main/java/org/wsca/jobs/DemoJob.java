package org.wsca.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.wsca.audit.Concurrently;
import org.wsca.demo.DemoData;
import org.wsca.output.SummaryTable;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Quick start: generates both demo variants, audits them at the same time, prints their
 * summaries.
 */
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

  /**
   * The two variants are independent audits: they run at the same time on two driver threads, so
   * that one's small Spark jobs fill the cores while the other's wait on scheduling. Each prints
   * its table once both are done, in variant order.
   */
  private int run(SparkSession spark) {
    List<DemoData.Variant> variants = List.of(DemoData.Variant.values());
    Concurrently.map(variants, variants.size(), variant -> audit(spark, variant))
        .forEach(System.out::print);
    return 0;
  }

  /** Generates and audits one variant; returns what the demo prints for it. */
  private String audit(SparkSession spark, DemoData.Variant variant) {
    String name = variant.name().toLowerCase();
    String data = output + "/data/" + name;
    DemoData demo = new DemoData(variant, 64, 3, 7, DemoData.Strengths.defaults(), 1.0);
    demo.write(spark, data, 4);
    Settings settings = settings(data, output + "/results/" + name);
    AuditResult result = new AuditRun(spark, settings).execute();
    StringBuilder out = new StringBuilder(System.lineSeparator());
    out.append("== ")
        .append(name)
        .append(": ")
        .append(demo.rows())
        .append(" rows, results in ")
        .append(result.outputPath())
        .append(System.lineSeparator());
    out.append(SummaryTable.format(result.tests()));
    if (settings.report().enabled()) {
      out.append("Report: ")
          .append(result.outputPath())
          .append("/report.html")
          .append(System.lineSeparator());
    }
    return out.toString();
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
