package org.wsca.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wsca.audit.AuditResult;
import org.wsca.audit.AuditRun;
import org.wsca.bench.HeapSampler;
import org.wsca.bench.ScaleGrowth;
import org.wsca.bench.ScaleMeasurement;
import org.wsca.bench.ScalePoint;
import org.wsca.demo.DemoData;
import org.wsca.errors.WscaException;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The scale benchmark: generates demo data at each size, audits it end to end and records wall
 * time per phase, peak heap and the sizes of input and output, then how the cost grows.
 */
@Command(name = "wsca-scale-bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Generates demo embeddings (conf/demo.conf's tasks: scanner, gestational_age) at each"
            + " --point ROWSxDIMxSITESxB, audits them end to end (pooled and per-site scopes)"
            + " and writes <output>/scale.json after every point, then prints a table and how"
            + " the audit time grows between points that differ in one quantity.",
        "Peak heap is the driver JVM's heap use, sampled every 20 ms; on local[*] the"
            + " executors run in that JVM, so it is the whole run's heap."})
public final class ScaleBenchJob extends JobCommand {
  static final String DEFAULT_POINTS = "100000x512x20x19,1000000x512x20x19,100000x256x20x19,"
      + "100000x512x5x19,100000x512x20x39";

  @Option(names = "--point", split = ",", paramLabel = "ROWSxDIMxSITESxB",
      defaultValue = DEFAULT_POINTS,
      description = "Sizes to run, in order (default: ${DEFAULT-VALUE}).")
  List<String> points;

  @Option(names = "--config", defaultValue = "conf/demo.conf", paramLabel = "FILE",
      description = "Audit settings (default: ${DEFAULT-VALUE}); B comes from --point.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--output", defaultValue = "bench-output", paramLabel = "DIR",
      description = "Where scale.json and the generated data go (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--keep-data", description = "Keep each point's data and results (they are"
      + " deleted after the point is measured; 1M x 512 is about 2 GB).")
  boolean keepData;

  @Override
  public Integer call() throws IOException {
    List<ScalePoint> sizes = parsePoints();
    sizes.forEach(p -> settings(p, "x", "x"));  // a bad setting fails before any work
    List<ScaleMeasurement> measured = new ArrayList<>();
    JobRunner.withSession("wsca-scale-bench", spark -> {
      for (ScalePoint point : sizes) {
        System.out.println("== scale point " + point.label());
        measured.add(measure(spark, point));
        writeJson(measured);
        System.out.println(row(measured.get(measured.size() - 1)));
      }
      return null;
    });
    System.out.println();
    System.out.println(header());
    measured.forEach(m -> System.out.println(row(m)));
    System.out.println();
    ScaleGrowth.of(measured).forEach(g -> System.out.println(g.describe()));
    System.out.println("Wrote " + Path.of(output, "scale.json"));
    return 0;
  }

  private List<ScalePoint> parsePoints() {
    try {
      return points.stream().map(ScalePoint::parse).toList();
    } catch (IllegalArgumentException e) {
      throw WscaException.badSettings(e.getMessage());
    }
  }

  private ScaleMeasurement measure(SparkSession spark, ScalePoint point) {
    String base = output + "/scale-work/" + point.label();
    String data = base + "/data";
    DemoData demo = new DemoData(DemoData.Variant.BIASED, point.dimension(), point.sites(), 7,
        DemoData.Strengths.defaults(), (double) point.rows() / unitRows());
    int partitions = (int) Math.max(4, demo.rows() / 25_000);
    long start = System.nanoTime();
    DemoDataJob.write(spark, demo, data, partitions);
    long generated = millisSince(start);
    try (HeapSampler heap = HeapSampler.start()) {
      start = System.nanoTime();
      AuditResult result = new AuditRun(spark, settings(point, data, base + "/results")).execute();
      long audited = millisSince(start);
      ScaleMeasurement m = new ScaleMeasurement(point, result.rowsRead(), generated, audited,
          phases(spark, result.outputPath()), heap.peakMb(), heap.maxMb(), bytes(spark, data),
          bytes(spark, result.outputPath()));
      if (!keepData) {
        delete(spark, base);
      }
      return m;
    }
  }

  private static long unitRows() {
    return new DemoData(DemoData.Variant.BIASED, 8, 1, 7, DemoData.Strengths.defaults(), 1.0)
        .rows();
  }

  private Settings settings(ScalePoint point, String data, String results) {
    List<String> all = new ArrayList<>(overrides);
    all.add("input.paths=[" + AuditJob.quoted(data) + "]");
    all.add("output.root=" + AuditJob.quoted(results));
    all.add("output.run-id=scale");
    all.add("permutation.count=" + point.permutations());
    return SettingsLoader.load(Optional.of(config), all);
  }

  private static Map<String, Long> phases(SparkSession spark, String resultPath) {
    Row manifest = spark.read().parquet(resultPath + "/manifest").first();
    Map<String, Long> phases = new LinkedHashMap<>(
        manifest.getJavaMap(manifest.fieldIndex("phase_millis")));
    return phases;
  }

  private static long bytes(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(p)
          .getLength();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot size " + path + ": " + e.getMessage(), e);
    }
  }

  private static void delete(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(p, true);
    } catch (IOException e) {
      System.err.println("wsca: could not delete " + path + ": " + e.getMessage());
    }
  }

  private void writeJson(List<ScaleMeasurement> measured) {
    String json = measured.stream().map(ScaleMeasurement::toJson)
        .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
    try {
      Files.createDirectories(Path.of(output));
      Files.writeString(Path.of(output, "scale.json"), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write " + output + "/scale.json: " + e.getMessage(),
          e);
    }
  }

  private static String header() {
    return String.format("%-22s %9s %9s %9s %9s %9s %9s %8s %9s %9s", "point", "gen_s",
        "audit_s", "read_s", "split_s", "pooled_s", "sites_s", "peak_mb", "input_mb",
        "output_mb");
  }

  private static String row(ScaleMeasurement m) {
    long pooled = m.phaseTotal("scope pooled");
    return String.format("%-22s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %8d %9.1f %9.2f",
        m.point().label(), m.generateMillis() / 1e3, m.auditMillis() / 1e3,
        m.phaseTotal("read_validate") / 1e3, m.phaseTotal("split") / 1e3, pooled / 1e3,
        (m.phaseTotal("scope ") - pooled) / 1e3, m.peakHeapMb(), m.inputBytes() / 1e6,
        m.outputBytes() / 1e6);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  public static void main(String[] args) {
    System.exit(JobRunner.run(new ScaleBenchJob(), args));
  }
}
