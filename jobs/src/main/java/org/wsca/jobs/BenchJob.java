package org.wsca.jobs;

import java.nio.file.Path;
import java.util.List;
import org.wsca.audit.Versions;
import org.wsca.bench.BenchGrid;
import org.wsca.bench.BenchReport;
import org.wsca.bench.Benchmark;
import org.wsca.bench.Machine;
import org.wsca.bench.PointResult;
import org.wsca.blas.BlasChoice;
import org.wsca.blas.BlasSetting;
import org.wsca.blas.Blases;
import org.wsca.blas.ExecutorBlas;
import org.wsca.errors.WscaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The benchmark of the batched permutation engine against the MLlib loop (submit/bench). */
@Command(
    name = "wsca-bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates seeded rows for every n x d x C and times, in this session, the batched"
          + " engine fitting B permuted heads at once and the MLlib loop fitting loop-B heads"
          + " one by one; reports milliseconds per head, their ratio, the engine's counted"
          + " GFLOP/s against a dgemm at its shape, the BLAS and the peak heap.",
      "Writes <output>/bench.json (one object per grid point) and bench.txt, rewritten after"
          + " every point."
    })
public final class BenchJob extends JobCommand {
  @Option(
      names = "--n",
      split = ",",
      defaultValue = "20000,100000",
      paramLabel = "N",
      description = "Training rows, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> rows;

  @Option(
      names = "--d",
      split = ",",
      defaultValue = "256,1024",
      paramLabel = "D",
      description = "Embedding dimensions, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> dimensions;

  @Option(
      names = "--c",
      split = ",",
      defaultValue = "2,4",
      paramLabel = "C",
      description = "Classes of the metadata task, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> classes;

  @Option(
      names = "--b",
      defaultValue = "64",
      description = "Permuted heads the batched engine fits at once (default: ${DEFAULT-VALUE}).")
  int engineB;

  @Option(
      names = "--loop-b",
      defaultValue = "2",
      description = "Permuted heads the MLlib loop fits (default: ${DEFAULT-VALUE}).")
  int loopB;

  @Option(
      names = "--output",
      defaultValue = "bench-output",
      paramLabel = "DIR",
      description = "Local folder for bench.json and bench.txt (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--seed",
      defaultValue = "20260101",
      description = "Seed of the data and the permutations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--blas",
      defaultValue = "auto",
      paramLabel = "BLAS",
      description =
          "BLAS of the engine and the dgemm probe: auto, bundled (the OpenBLAS in the jar),"
              + " system or java (default: ${DEFAULT-VALUE}; see permutation.blas).")
  String blas;

  @Option(
      names = "--blas-threads",
      defaultValue = "1",
      description = "Threads of the bundled OpenBLAS per call (default: ${DEFAULT-VALUE}).")
  int blasThreads;

  @Option(
      names = "--no-warm-up",
      negatable = false,
      description = "Skip the small untimed point run before the grid.")
  boolean noWarmUp;

  @Override
  public Integer call() {
    BenchGrid grid = grid();
    BlasSetting setting = blasSetting();
    List<PointResult> results =
        JobRunner.withSession(
            "wsca-bench",
            spark ->
                new Benchmark(spark, grid, output)
                    .seed(seed)
                    .warmUp(!noWarmUp)
                    .blas(setting)
                    .execute());
    System.out.println();
    String driver =
        ExecutorBlas.describe(Blases.load(setting)) + "; MLlib: netlib " + Versions.blas();
    System.out.print(Benchmark.header(Machine.current(driver)));
    System.out.print(BenchReport.table(results));
    System.out.println("Results: " + output.resolve("bench.json"));
    return 0;
  }

  BenchGrid grid() {
    try {
      return new BenchGrid(rows, dimensions, classes, engineB, loopB);
    } catch (IllegalArgumentException e) {
      throw WscaException.badSettings(e.getMessage());
    }
  }

  BlasSetting blasSetting() {
    for (BlasChoice choice : BlasChoice.values()) {
      if (choice.label().equals(blas.trim().toLowerCase(java.util.Locale.ROOT))) {
        try {
          return new BlasSetting(choice, blasThreads);
        } catch (IllegalArgumentException e) {
          throw WscaException.badSettings("--blas-threads: " + e.getMessage());
        }
      }
    }
    throw WscaException.badSettings(
        "--blas " + blas + " is not one of auto, bundled, system, java");
  }

  public static void main(String[] args) {
    System.exit(JobRunner.run(new BenchJob(), args));
  }
}
