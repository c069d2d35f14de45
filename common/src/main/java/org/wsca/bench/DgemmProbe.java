package org.wsca.bench;

import java.util.SplittableRandom;
import org.wsca.blas.Blas;

/**
 * The speed of the engine's two dgemm calls at its own shape, on the driver through the engine's
 * BLAS: scores (m x rows) = W' X and gradient (d x m) += X R', with m = B K heads' columns and a
 * block of {@link #BLOCK_ROWS} rows. Repeated for at least {@link #MIN_NANOS} after a warm-up.
 */
final class DgemmProbe {
  static final int BLOCK_ROWS = 1024;
  private static final long MIN_NANOS = 1_000_000_000L;
  private static final int MIN_REPEATS = 3;

  private DgemmProbe() {}

  /** GFLOP/s of the pair of calls for m heads' columns over d features. */
  static double gflops(Blas blas, int m, int d) {
    double[] w = random(d * m, 1);
    double[] x = random(d * BLOCK_ROWS, 2);
    double[] scores = new double[m * BLOCK_ROWS];
    double[] gradient = new double[d * m];
    pair(blas, m, d, w, x, scores, gradient);
    long start = System.nanoTime();
    int repeats = 0;
    while (repeats < MIN_REPEATS || System.nanoTime() - start < MIN_NANOS) {
      pair(blas, m, d, w, x, scores, gradient);
      repeats++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return repeats * 4.0 * m * BLOCK_ROWS * d / seconds / 1e9;
  }

  private static void pair(
      Blas blas, int m, int d, double[] w, double[] x, double[] scores, double[] gradient) {
    blas.dgemm("T", "N", m, BLOCK_ROWS, d, 1.0, w, d, x, d, 0.0, scores, m);
    blas.dgemm("N", "T", d, m, BLOCK_ROWS, 1.0, x, d, scores, m, 1.0, gradient, d);
  }

  private static double[] random(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = random.nextDouble() - 0.5;
    }
    return out;
  }
}
