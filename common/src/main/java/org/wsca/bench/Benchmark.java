package org.wsca.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.audit.BatchedEngine;
import org.wsca.audit.HeadFitter;
import org.wsca.audit.MllibLoopEngine;
import org.wsca.audit.Versions;
import org.wsca.blas.Blas;
import org.wsca.blas.BlasCensus;
import org.wsca.blas.BlasChoice;
import org.wsca.blas.BlasSetting;
import org.wsca.blas.Blases;
import org.wsca.blas.ExecutorBlas;
import org.wsca.engine.Work;
import org.wsca.method.NullDistribution;
import org.wsca.settings.Settings;

/**
 * The batched permutation engine against the MLlib loop, on the same generated rows in the same
 * session: per grid point, the engine fits B permuted heads at once and the loop fits loop-B of
 * them one by one, both with the heads' default settings. Results go to {@code <output>/bench.json}
 * and {@code bench.txt}, rewritten after every point so that a run cut short keeps what it
 * measured. The output folder is on the driver's local file system.
 */
public final class Benchmark {
  /** reference.conf's heads: regParam 0.01, maxIter 100, tol 1e-6 (bins unused here). */
  static final Settings.Heads HEADS = new Settings.Heads(0.01, 100, 1e-6, 4);

  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
  private static final GridPoint WARM_UP = new GridPoint(2_000, 16, 2);

  private final SparkSession spark;
  private final BenchGrid grid;
  private final Path output;
  private long seed = 20260101L;
  private boolean warmUp = true;
  private BlasSetting blasSetting = BlasSetting.DEFAULT;

  public Benchmark(SparkSession spark, BenchGrid grid, Path output) {
    this.spark = spark;
    this.grid = grid;
    this.output = output;
  }

  public Benchmark seed(long value) {
    this.seed = value;
    return this;
  }

  /** The BLAS of the engine's tasks and of the dgemm probe (default: auto, one thread). */
  public Benchmark blas(BlasSetting setting) {
    this.blasSetting = setting;
    return this;
  }

  /** Whether to run a small untimed point first, so JIT compilation is not billed to point 1. */
  public Benchmark warmUp(boolean value) {
    this.warmUp = value;
    return this;
  }

  public List<PointResult> execute() {
    List<ExecutorBlas> executors = BlasCensus.take(spark, blasSetting);
    Blas driver = Blases.load(blasSetting);
    String blas = ExecutorBlas.describe(driver) + "; MLlib: netlib " + Versions.blas();
    if (driver.kind() == BlasChoice.JAVA || !BlasCensus.pureJavaWarning(executors).isEmpty()) {
      LOG.warn(
          "BLAS is {}, not native: representative numbers need the bundled OpenBLAS"
              + " (--blas bundled) or a system one; the targets assume native",
          blas);
    }
    Machine machine = Machine.current(blas, executors);
    if (warmUp) {
      measure(WARM_UP, Math.min(grid.engineB(), 4), 1, blas);
    }
    List<PointResult> results = new ArrayList<>();
    for (GridPoint point : grid.points()) {
      LOG.info("bench {}: engine B = {}, loop B = {}", point, grid.engineB(), grid.loopB());
      results.add(measure(point, grid.engineB(), grid.loopB(), blas));
      write(results, machine);
    }
    return results;
  }

  /** The folder bench.json is written to. */
  public Path output() {
    return output;
  }

  private PointResult measure(GridPoint point, int engineB, int loopB, String blas) {
    double loadBefore = Machine.loadAverage();
    // On disk, not in the heap: each engine caches the rows its own way, and a third in-memory
    // copy would only crowd them (the largest point has 820 MB of features).
    Dataset<Row> train = BenchData.generate(spark, point, seed).persist(StorageLevel.DISK_ONLY());
    try (HeapSampler heap = HeapSampler.start()) {
      train.count();
      BatchedEngine engine =
          new BatchedEngine(spark, HEADS, engineB, BatchedEngine.DEFAULT_MAX_HEADS_PER_CHUNK)
              .withBlas(blasSetting);
      long start = System.nanoTime();
      NullDistribution batched = engine.fitNull(BenchData.request(train, point, engineB, seed));
      long engineNanos = System.nanoTime() - start;
      Work work = engine.work();
      MllibLoopEngine loop = new MllibLoopEngine(spark, new HeadFitter(HEADS), 1);
      start = System.nanoTime();
      NullDistribution looped = loop.fitNull(BenchData.request(train, point, loopB, seed));
      long loopNanos = System.nanoTime() - start;
      double dgemm =
          DgemmProbe.gflops(Blases.load(blasSetting), engineB * point.columns(), point.dimension());
      return new PointResult(
          point,
          engineB,
          loopB,
          engineNanos,
          loopNanos,
          work,
          batched.nonConverged(),
          looped.nonConverged(),
          dgemm,
          blas,
          heap.peakMb(),
          loadBefore,
          Machine.loadAverage());
    } finally {
      train.unpersist();
    }
  }

  private void write(List<PointResult> results, Machine machine) {
    try {
      Files.createDirectories(output);
      Files.writeString(
          output.resolve("bench.json"), BenchReport.json(results, machine), StandardCharsets.UTF_8);
      Files.writeString(
          output.resolve("bench.txt"),
          header(machine) + BenchReport.table(results),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the benchmark results to "
              + output
              + "; choose a writable folder with --output",
          e);
    }
  }

  /** One line of machine facts above the table. */
  public static String header(Machine m) {
    return String.format(
        "cores %d, memory %d MB, max heap %d MB, Java %s, %s, BLAS %s%n",
        m.cores(), m.memoryMb(), m.maxHeapMb(), m.javaVersion(), m.os(), m.blas());
  }
}
