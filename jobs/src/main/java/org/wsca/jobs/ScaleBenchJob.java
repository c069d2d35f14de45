package org.wsca.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wsca.bench.ScaleBenchmark;
import org.wsca.bench.ScaleMeasurement;
import org.wsca.bench.ScalePoint;
import org.wsca.errors.WscaException;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The scale benchmark's entry point (README: Performance); the work is {@link ScaleBenchmark}. */
@Command(
    name = "wsca-scale-bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates demo embeddings (conf/demo.conf's tasks: scanner, gestational_age) at each"
          + " --point ROWSxDIMxSITESxB, audits them end to end (pooled and per-site scopes)"
          + " and writes <output>/scale.json after every point, then prints a table and how"
          + " the audit time grows between points that differ in one quantity.",
      "Peak heap is the driver JVM's heap use, sampled every 20 ms; on local[*] the"
          + " executors run in that JVM, so it is the whole run's heap."
    })
public final class ScaleBenchJob extends JobCommand {
  static final String DEFAULT_POINTS =
      "1000000x512x20x19,200000x512x20x19,200000x256x20x19," + "200000x512x5x19,200000x512x20x39";

  @Option(
      names = "--point",
      split = ",",
      paramLabel = "ROWSxDIMxSITESxB",
      defaultValue = DEFAULT_POINTS,
      description = "Sizes to run, in order (default: ${DEFAULT-VALUE}).")
  List<String> points;

  @Option(
      names = "--config",
      defaultValue = "conf/demo.conf",
      paramLabel = "FILE",
      description = "Audit settings (default: ${DEFAULT-VALUE}); B comes from --point.")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a setting (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--output",
      defaultValue = "bench-output",
      paramLabel = "DIR",
      description = "Where scale.json and the generated data go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--keep-data",
      description =
          "Keep each point's data and results (they are"
              + " deleted after the point is measured; 1M x 512 is about 2 GB).")
  boolean keepData;

  @Option(
      names = "--compare-site-passes",
      description =
          "Audit each point's data three times: with the site scopes sharing their optimiser"
              + " passes (permutation.share-site-passes, the default), with each site alone (the"
              + " old path), and shared again (the first audit also warms up the JVM); side by"
              + " side on the same rows.")
  boolean compareSitePasses;

  @Override
  public Integer call() {
    List<ScalePoint> sizes = parsePoints();
    sizes.forEach(p -> ChartLibrary.requireFor(settings(p, "x", "x"))); // fail before any work
    List<ScaleMeasurement> measured =
        JobRunner.withSession(
            "wsca-scale-bench",
            spark ->
                new ScaleBenchmark(spark, sizes, this::settings, output)
                    .keepData(keepData)
                    .compareSitePasses(compareSitePasses)
                    .progress(System.out::println)
                    .execute());
    System.out.println();
    System.out.print(ScaleBenchmark.table(measured));
    System.out.println("Wrote " + output.resolve("scale.json"));
    return 0;
  }

  private List<ScalePoint> parsePoints() {
    try {
      return points.stream().map(ScalePoint::parse).toList();
    } catch (IllegalArgumentException e) {
      throw WscaException.badSettings(e.getMessage());
    }
  }

  private Settings settings(ScalePoint point, String data, String results) {
    List<String> all = new ArrayList<>(overrides);
    all.add("input.paths=[" + AuditJob.quoted(data) + "]");
    all.add("output.root=" + AuditJob.quoted(results));
    all.add("output.run-id=scale");
    all.add("permutation.count=" + point.permutations());
    return SettingsLoader.load(Optional.of(config), all);
  }

  public static void main(String[] args) {
    System.exit(JobRunner.run(new ScaleBenchJob(), args));
  }
}
