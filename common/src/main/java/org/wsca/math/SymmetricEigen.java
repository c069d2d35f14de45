package org.wsca.math;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import org.netlib.util.intW;

/**
 * Eigen decomposition of a real symmetric matrix (a covariance), through LAPACK {@code dsyevd}.
 * Values are in descending order; vectors()[i] is the unit eigenvector of values()[i], with its
 * largest-magnitude entry made positive so that results are reproducible and comparable with the
 * numpy reference (eigenvectors are defined only up to sign).
 */
public final class SymmetricEigen {
  private static final double SIGN_TIE_TOLERANCE = 1e-9;

  private final double[] values;
  private final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  public static SymmetricEigen decompose(double[][] symmetric) {
    int n = symmetric.length;
    double[] a = columnMajor(symmetric);
    if (n == 0) {
      return new SymmetricEigen(new double[0], new double[0][]);
    }
    double[] ascending = new double[n];
    runDsyevd(n, a, ascending);
    double[] values = new double[n];
    double[][] vectors = new double[n][];
    for (int i = 0; i < n; i++) {
      int source = n - 1 - i; // LAPACK returns ascending order
      values[i] = ascending[source];
      vectors[i] = withLargestEntryPositive(Arrays.copyOfRange(a, source * n, source * n + n));
    }
    return new SymmetricEigen(values, vectors);
  }

  /** Eigenvalues, largest first. */
  public double[] values() {
    return values.clone();
  }

  /** Unit eigenvectors as rows, in the order of {@link #values()}. */
  public double[][] vectors() {
    double[][] copy = new double[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      copy[i] = vectors[i].clone();
    }
    return copy;
  }

  int dimension() {
    return values.length;
  }

  double[] vectorView(int i) {
    return vectors[i];
  }

  private static double[] columnMajor(double[][] symmetric) {
    int n = symmetric.length;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      if (symmetric[i].length != n) {
        throw new IllegalArgumentException(
            "Matrix is not square: row "
                + i
                + " has "
                + symmetric[i].length
                + " entries, expected "
                + n);
      }
      for (int j = 0; j < n; j++) {
        double v = symmetric[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "Matrix entry ("
                  + i
                  + ", "
                  + j
                  + ") is "
                  + v
                  + "; an eigen decomposition needs finite values");
        }
        a[j * n + i] = v;
      }
    }
    return a;
  }

  /**
   * One dsyevd at a time in the JVM. Without a native LAPACK, netlib runs Fortran translated to
   * Java whose SAVE variables (dlamch's machine constants among them, set on first use) are shared
   * statics: the audit decomposes covariances on several driver threads, and a demo run whose first
   * decompositions ran at once failed with "did not converge" (info = 97). The calls are few and
   * small (d x d), so the lock costs nothing measurable.
   */
  private static final Object LAPACK_LOCK = new Object();

  private static void runDsyevd(int n, double[] a, double[] w) {
    synchronized (LAPACK_LOCK) {
      runDsyevdAlone(n, a, w);
    }
  }

  private static void runDsyevdAlone(int n, double[] a, double[] w) {
    LAPACK lapack = LAPACK.getInstance();
    intW info = new intW(0);
    double[] workQuery = new double[1];
    int[] iworkQuery = new int[1];
    // Workspace query first (lwork = -1), as LAPACK recommends for the divide-and-conquer driver.
    lapack.dsyevd("V", "U", n, a.clone(), n, new double[n], workQuery, -1, iworkQuery, -1, info);
    checkInfo(info);
    int lwork = Math.max(1, (int) workQuery[0]);
    int liwork = Math.max(1, iworkQuery[0]);
    lapack.dsyevd("V", "U", n, a, n, w, new double[lwork], lwork, new int[liwork], liwork, info);
    checkInfo(info);
  }

  private static void checkInfo(intW info) {
    if (info.val != 0) {
      throw new ArithmeticException(
          "LAPACK dsyevd failed with info = "
              + info.val
              + (info.val < 0 ? " (illegal argument)" : " (did not converge)"));
    }
  }

  /**
   * Flips v so that its largest-magnitude entry is positive. Entries equal to the largest up to
   * rounding count as tied and the first of them decides, so that the sign does not depend on the
   * last bit of a particular LAPACK build (e.g. for (1, -1) / sqrt 2).
   */
  private static double[] withLargestEntryPositive(double[] v) {
    double largest = 0.0;
    for (double entry : v) {
      largest = Math.max(largest, Math.abs(entry));
    }
    int decider = 0;
    while (Math.abs(v[decider]) < largest * (1.0 - SIGN_TIE_TOLERANCE)) {
      decider++;
    }
    if (v[decider] < 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = -v[i];
      }
    }
    return v;
  }
}
