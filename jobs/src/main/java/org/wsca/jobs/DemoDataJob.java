package org.wsca.jobs;

import org.wsca.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes synthetic multi-site embeddings as site-partitioned Parquet (README: demo data). */
@Command(
    name = "wsca-demo-data",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates demo embeddings: 4 planes (label) x 3 scanners (confounder), a clinical"
          + " factor (gestational_age) that drives the label, site offsets and noise.",
      "balanced: the scanner is encoded but independent of the label; biased: each plane is"
          + " drawn mostly from one scanner. Cell sizes are the paper's (docs/method.md section 9)."
    })
public final class DemoDataJob extends JobCommand {
  @Option(names = "--variant", required = true, description = "balanced or biased.")
  String variant;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "PATH",
      description = "Where to write the Parquet data (replaced if it exists).")
  String output;

  @Option(
      names = "--dimension",
      defaultValue = "64",
      description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(
      names = "--sites",
      defaultValue = "3",
      description = "Number of sites (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--seed", defaultValue = "7", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      description = "Multiplies every cell size (default: ${DEFAULT-VALUE}, the paper's sizes).")
  double scale;

  @Option(
      names = "--partitions",
      defaultValue = "4",
      description = "Spark partitions (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() {
    DemoData data =
        new DemoData(
            DemoData.Variant.parse(variant),
            dimension,
            sites,
            seed,
            DemoData.Strengths.defaults(),
            scale);
    JobRunner.withSession(
        "wsca-demo-data",
        spark -> {
          data.write(spark, output, partitions);
          return null;
        });
    System.out.println(
        "Wrote " + data.rows() + " rows (" + variant + ", d=" + dimension + ") to " + output);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(JobRunner.run(new DemoDataJob(), args));
  }
}
