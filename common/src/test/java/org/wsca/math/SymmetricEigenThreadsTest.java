package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The audit decomposes covariances on several driver threads at once (site threads, the pooled
 * scope beside the sites). netlib's Java LAPACK is translated Fortran whose SAVE variables are
 * shared statics: a demo run whose first decompositions ran at once failed ("did not converge",
 * info = 97), so SymmetricEigen runs one dsyevd at a time. That first-use race cannot be replayed
 * in a JVM that has already decomposed something; this checks that decompositions requested on many
 * threads still equal the same ones done one at a time, bit for bit.
 */
class SymmetricEigenThreadsTest {
  @Test
  void decompositionsOnManyThreadsEqualTheSerialOnes() throws Exception {
    List<double[][]> matrices = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      matrices.add(covariance(new SplittableRandom(i), 40 + (i % 5) * 8));
    }
    List<double[]> serial = new ArrayList<>();
    for (double[][] m : matrices) {
      serial.add(SymmetricEigen.decompose(m).values());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<double[]>> futures = new ArrayList<>();
        for (double[][] m : matrices) {
          futures.add(pool.submit(() -> SymmetricEigen.decompose(m).values()));
        }
        for (int i = 0; i < matrices.size(); i++) {
          assertThat(futures.get(i).get())
              .as("matrix %d, round %d", i, round)
              .isEqualTo(serial.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double[][] covariance(SplittableRandom random, int d) {
    int n = 3 * d;
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian() * (1 + j % 7);
      }
    }
    double[][] c = new double[d][d];
    for (double[] row : x) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          c[a][b] += row[a] * row[b] / n;
        }
      }
    }
    return c;
  }
}
