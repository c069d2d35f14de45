package org.wsca.bench;

import java.util.Locale;
import org.wsca.blas.Blas;
import org.wsca.blas.BlasChoice;
import org.wsca.blas.BlasSetting;
import org.wsca.blas.Blases;
import org.wsca.blas.ExecutorBlas;

/**
 * Not a test: the engine's dgemm pair ({@link DgemmProbe}) through one BLAS choice, at the engine's
 * shapes, for docs/performance.md. One choice per JVM, because one JVM cannot hold the system's and
 * the bundled OpenBLAS at once. Run with the test classpath:
 *
 * <pre>java -cp ... org.wsca.bench.BlasRates bundled 1 64x256,256x256,1024x256,256x1024</pre>
 *
 * (m x d: m = B K heads' columns, d features; 1,024 rows per block.)
 */
public final class BlasRates {
  private BlasRates() {}

  public static void main(String[] args) {
    BlasChoice choice = BlasChoice.valueOf(args[0].toUpperCase(Locale.ROOT));
    Blas blas = Blases.load(new BlasSetting(choice, Integer.parseInt(args[1])));
    for (String shape : args[2].split(",")) {
      String[] md = shape.split("x");
      int m = Integer.parseInt(md[0]);
      int d = Integer.parseInt(md[1]);
      double before = Machine.loadAverage();
      double gflops = DgemmProbe.gflops(blas, m, d);
      System.out.printf(
          Locale.ROOT,
          "%s | m=%d d=%d | %.1f GFLOP/s | load %.1f-%.1f%n",
          ExecutorBlas.describe(blas),
          m,
          d,
          gflops,
          before,
          Machine.loadAverage());
    }
  }
}
