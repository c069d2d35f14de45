package org.wsca.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every BLAS this JVM can load computes C = alpha op(A) op(B) + beta C as the definition does (a
 * triple loop here), for all four transposes, with leading dimensions larger than the rows (as the
 * engine's packed blocks are not, but callers may be). On a machine without a system BLAS, "system"
 * is skipped; "bundled" may be served by a system BLAS loaded earlier in this JVM (then its kind
 * says so).
 */
class BlasTest {
  private static final int M = 7;
  private static final int N = 5;
  private static final int K = 11;
  private static final int PAD = 3;

  @ParameterizedTest
  @EnumSource(BlasChoice.class)
  void multipliesLikeTheDefinition(BlasChoice choice) {
    Blas blas;
    try {
      blas = Blases.load(new BlasSetting(choice, 1));
    } catch (IllegalStateException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          choice != BlasChoice.SYSTEM, "no system BLAS here: " + e.getMessage());
      throw e;
    }
    assertThat(blas.kind()).isNotEqualTo(BlasChoice.AUTO);
    assertThat(blas.description()).isNotBlank();
    for (String ta : new String[] {"N", "T"}) {
      for (String tb : new String[] {"N", "T"}) {
        check(blas, ta, tb);
      }
    }
  }

  /**
   * The bundled wrapper's own work (off-heap buffers, lengths, copying C back) whichever library
   * then serves {@code cblas_dgemm} in this JVM; twice, so that the reused buffers are tested.
   */
  @org.junit.jupiter.api.Test
  void theBundledWrapperCopiesInAndOutRight() {
    Blas bundled = BundledBlas.load(1);
    for (int repeat = 0; repeat < 2; repeat++) {
      for (String ta : new String[] {"N", "T"}) {
        for (String tb : new String[] {"N", "T"}) {
          check(bundled, ta, tb);
        }
      }
    }
  }

  private static void check(Blas blas, String ta, String tb) {
    boolean transA = ta.equals("T");
    boolean transB = tb.equals("T");
    int aRows = transA ? K : M;
    int aCols = transA ? M : K;
    int bRows = transB ? N : K;
    int bCols = transB ? K : N;
    int lda = aRows + PAD;
    int ldb = bRows + PAD;
    int ldc = M + PAD;
    double[] a = random(lda * aCols, 1);
    double[] b = random(ldb * bCols, 2);
    double[] c = random(ldc * N, 3);
    double[] expected = c.clone();
    double alpha = 0.75;
    double beta = 0.5;
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < N; j++) {
        double sum = 0.0;
        for (int l = 0; l < K; l++) {
          double aij = transA ? a[l + i * lda] : a[i + l * lda];
          double blj = transB ? b[j + l * ldb] : b[l + j * ldb];
          sum += aij * blj;
        }
        expected[i + j * ldc] = alpha * sum + beta * c[i + j * ldc];
      }
    }
    blas.dgemm(ta, tb, M, N, K, alpha, a, lda, b, ldb, beta, c, ldc);
    for (int i = 0; i < c.length; i++) {
      // Padding rows (i mod ldc >= M) must be left alone; the rest agree to rounding.
      assertThat(c[i]).as("%s%s element %d", ta, tb, i).isCloseTo(expected[i], within(1e-12));
    }
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
