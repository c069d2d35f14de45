package org.wsca.engine;

import java.util.Locale;
import java.util.SplittableRandom;
import org.wsca.blas.Blas;
import org.wsca.blas.BlasChoice;
import org.wsca.blas.BlasSetting;
import org.wsca.blas.Blases;

/**
 * Not a test: where one block of the batched engine's pass spends its time, on one thread, at the
 * benchmark's key shape by default (1,024 rows, d = 256, 64 heads of C = 4): the whole {@link
 * LogisticBatch#accumulate} against its two dgemm calls alone. Run with the test classpath: {@code
 * java -cp <test classpath> org.wsca.engine.BlockTiming [d C heads [auto|bundled|system|java]]}.
 */
public final class BlockTiming {
  private static final int ROWS = RowBlock.MAX_ROWS;
  private static final long MIN_NANOS = 3_000_000_000L;

  private BlockTiming() {}

  public static void main(String[] args) {
    int d = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int classes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int heads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    BlasSetting setting =
        args.length > 3
            ? new BlasSetting(BlasChoice.valueOf(args[3].toUpperCase(Locale.ROOT)), 1)
            : BlasSetting.DEFAULT;
    Blas blas = Blases.load(setting);
    HeadShape shape = new HeadShape(d, classes);
    RowBlock block = block(d, classes, heads);
    BatchPoint point = BatchPoint.pack(shape, identity(heads), points(shape, heads));
    int m = heads * shape.columns();
    double flops = 4.0 * ROWS * d * m;
    // One batch and one state for all repeats, as a task uses them for all its blocks.
    LogisticBatch batch = new LogisticBatch(point, blas);
    GradientState state = new GradientState(shape, heads);
    double whole = nanosPer(() -> batch.accumulate(block, state));
    double[] scores = new double[ROWS * m];
    double[] gradient = new double[d * m];
    double pair =
        nanosPer(
            () -> {
              blas.dgemm(
                  "T",
                  "N",
                  m,
                  ROWS,
                  d,
                  1.0,
                  point.coefficients(),
                  d,
                  block.features(),
                  d,
                  0.0,
                  scores,
                  m);
              blas.dgemm(
                  "N", "T", d, m, ROWS, 1.0, block.features(), d, scores, m, 1.0, gradient, d);
            });
    System.out.printf(
        "%s; d=%d C=%d heads=%d (m=%d), %d rows: block %.2f ms (%.1f GFLOP/s), dgemm pair %.2f ms"
            + " (%.1f GFLOP/s), rest %.2f ms (%.0f %%)%n",
        blas.description(),
        d,
        classes,
        heads,
        m,
        ROWS,
        whole / 1e6,
        flops / whole,
        pair / 1e6,
        flops / pair,
        (whole - pair) / 1e6,
        100 * (whole - pair) / whole);
  }

  private static double nanosPer(Runnable work) {
    for (int i = 0; i < 5; i++) {
      work.run();
    }
    long start = System.nanoTime();
    int repeats = 0;
    while (System.nanoTime() - start < MIN_NANOS) {
      work.run();
      repeats++;
    }
    return (System.nanoTime() - start) / (double) repeats;
  }

  private static RowBlock block(int d, int classes, int heads) {
    SplittableRandom random = new SplittableRandom(1);
    RowBlock.Builder builder = RowBlock.builder(d);
    Standardizer identity = Standardizer.identity(d);
    double[] row = new double[d];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextDouble() * 2 - 1;
      }
      builder.add(row, identity, 0, i);
    }
    int[] labels = new int[ROWS * heads];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(classes);
    }
    return builder.build().withLabels(labels, heads);
  }

  private static int[] identity(int heads) {
    int[] out = new int[heads];
    for (int a = 0; a < heads; a++) {
      out[a] = a;
    }
    return out;
  }

  private static double[][] points(HeadShape shape, int heads) {
    SplittableRandom random = new SplittableRandom(2);
    double[][] out = new double[heads][shape.size()];
    for (double[] p : out) {
      for (int i = 0; i < p.length; i++) {
        p[i] = (random.nextDouble() - 0.5) * 0.1;
      }
    }
    return out;
  }
}
