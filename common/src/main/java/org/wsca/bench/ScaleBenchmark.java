package org.wsca.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wsca.demo.DemoData;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * The scale benchmark: for each point, generates biased demo data, audits it end to end and
 * measures wall time per phase (from the run's manifest), peak heap and the sizes of input and
 * output; {@code scale.json} is rewritten after every point, so a cut-short run still counts.
 */
public final class ScaleBenchmark {
  /** The audit settings of one point: its data path, results root and B are the job's to set. */
  public interface SettingsFactory {
    Settings settings(ScalePoint point, String dataPath, String resultsRoot);
  }

  private final SparkSession spark;
  private final List<ScalePoint> points;
  private final SettingsFactory settings;
  private final Path output;
  private boolean keepData;
  private boolean compareSitePasses;
  private Consumer<String> progress = line -> {};

  public ScaleBenchmark(
      SparkSession spark, List<ScalePoint> points, SettingsFactory settings, Path output) {
    this.spark = spark;
    this.points = List.copyOf(points);
    this.settings = settings;
    this.output = output;
  }

  /** Keeps each point's data and results instead of deleting them once measured. */
  public ScaleBenchmark keepData(boolean keep) {
    this.keepData = keep;
    return this;
  }

  /**
   * Audits each point's data three times: as set (the site scopes sharing their passes), with
   * permutation.share-site-passes = false (the old path), and as set again; side by side in one run
   * on the same rows.
   */
  public ScaleBenchmark compareSitePasses(boolean compare) {
    this.compareSitePasses = compare;
    return this;
  }

  /** Receives a table row as each point finishes. */
  public ScaleBenchmark progress(Consumer<String> sink) {
    this.progress = sink;
    return this;
  }

  public List<ScaleMeasurement> execute() {
    List<ScaleMeasurement> measured = new ArrayList<>();
    for (ScalePoint point : points) {
      progress.accept("== scale point " + point.label());
      for (ScaleMeasurement m : measure(point)) {
        measured.add(m);
        writeJson(measured);
        progress.accept(row(m));
      }
    }
    return measured;
  }

  /** The point's audit, and with {@link #compareSitePasses} the per-site one on the same data. */
  private List<ScaleMeasurement> measure(ScalePoint point) {
    Path base = output.resolve("scale-work").resolve(point.label());
    String data = base.resolve("data").toString();
    DemoData demo =
        new DemoData(
            DemoData.Variant.BIASED,
            point.dimension(),
            point.sites(),
            7,
            DemoData.Strengths.defaults(),
            (double) point.rows() / unitRows());
    long start = System.nanoTime();
    demo.write(spark, data, (int) Math.max(4, demo.rows() / 25_000));
    long generated = millisSince(start);
    Settings audit = settings.settings(point, data, base.resolve("results").toString());
    List<ScaleMeasurement> out = new ArrayList<>();
    out.add(audit(point, data, generated, audit, ScaleMeasurement.SHARED));
    if (compareSitePasses) {
      // Shared, one by one, shared again: the first audit of a JVM pays its warm-up (JIT, class
      // loading), so the last two are the fair pair.
      Settings perSite =
          settings
              .settings(point, data, base.resolve("results-per-site").toString())
              .withPermutation(audit.permutation().withSharedSitePasses(false));
      out.add(audit(point, data, 0, perSite, ScaleMeasurement.PER_SITE));
      Settings again = settings.settings(point, data, base.resolve("results-again").toString());
      out.add(audit(point, data, 0, again, ScaleMeasurement.SHARED_AGAIN));
    }
    if (!keepData) {
      delete(base.toString());
    }
    return out;
  }

  private ScaleMeasurement audit(
      ScalePoint point, String data, long generated, Settings audit, String sitePasses) {
    try (HeapSampler heap = HeapSampler.start()) {
      long start = System.nanoTime();
      AuditResult result = new AuditRun(spark, audit).execute();
      long audited = millisSince(start);
      Row manifest = spark.read().parquet(result.outputPath() + "/manifest").first();
      return new ScaleMeasurement(
          point,
          result.rowsRead(),
          generated,
          audited,
          new LinkedHashMap<>(manifest.getJavaMap(manifest.fieldIndex("phase_millis"))),
          heap.peakMb(),
          heap.maxMb(),
          bytes(data),
          bytes(result.outputPath()),
          manifest.getString(manifest.fieldIndex("blas")),
          ExecutorBlasJson.fromManifest(manifest),
          sitePasses);
    }
  }

  /** Rows of the demo at scale 1, to turn a row count into the generator's scale. */
  private static long unitRows() {
    return new DemoData(DemoData.Variant.BIASED, 8, 1, 7, DemoData.Strengths.defaults(), 1.0)
        .rows();
  }

  private long bytes(String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .getContentSummary(p)
          .getLength();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot size " + path + ": " + e.getMessage(), e);
    }
  }

  private void delete(String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
    } catch (IOException e) {
      progress.accept("could not delete " + path + ": " + e.getMessage());
    }
  }

  private void writeJson(List<ScaleMeasurement> measured) {
    String json = ScaleMeasurement.json(measured);
    try {
      Files.createDirectories(output);
      Files.writeString(output.resolve("scale.json"), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot write " + output.resolve("scale.json") + ": " + e.getMessage(), e);
    }
  }

  /** The printed table: a header, one row per point, then the growth between points. */
  public static String table(List<ScaleMeasurement> measured) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                "%-31s %9s %9s %9s %9s %9s %9s %8s %9s %9s%n",
                "point",
                "gen_s",
                "audit_s",
                "read_s",
                "split_s",
                "pooled_s",
                "sites_s",
                "peak_mb",
                "input_mb",
                "output_mb"));
    measured.forEach(m -> out.append(row(m)).append(System.lineSeparator()));
    out.append(System.lineSeparator());
    ScaleGrowth.of(measured.stream().filter(ScaleMeasurement::first).toList())
        .forEach(g -> out.append(g.describe()).append(System.lineSeparator()));
    return out.toString();
  }

  private static String row(ScaleMeasurement m) {
    long pooled = m.phaseTotal("scope pooled");
    return String.format(
        "%-31s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %8d %9.1f %9.2f",
        m.label(),
        m.generateMillis() / 1e3,
        m.auditMillis() / 1e3,
        m.phaseTotal("read_validate") / 1e3,
        m.phaseTotal("split") / 1e3,
        pooled / 1e3,
        (m.phaseTotal("scope ") - pooled) / 1e3,
        m.peakHeapMb(),
        m.inputBytes() / 1e6,
        m.outputBytes() / 1e6);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
