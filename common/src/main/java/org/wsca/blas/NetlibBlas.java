package org.wsca.blas;

import dev.ludovic.netlib.blas.BLAS;

/**
 * netlib's BLAS (what Spark's MLlib uses): its JNI binding to the system's native libblas.so.3, or
 * its pure-Java fallback.
 */
final class NetlibBlas implements Blas {
  static final String NATIVE_CLASS = "JNIBLAS";

  private final BLAS blas;
  private final BlasChoice kind;
  private final String description;
  private final int threads;

  private NetlibBlas(BLAS blas, BlasChoice kind, String description, int threads) {
    this.blas = blas;
    this.kind = kind;
    this.description = description;
    this.threads = threads;
  }

  /** What netlib picked for MLlib: the native library when it found one, else pure Java. */
  static NetlibBlas picked() {
    BLAS blas = BLAS.getInstance();
    String name = blas.getClass().getSimpleName();
    if (!NATIVE_CLASS.equals(name)) {
      return java(blas);
    }
    String library = NativeSymbols.providerOf("dgemm_").orElse("libblas.so.3");
    return new NetlibBlas(
        blas, BlasChoice.SYSTEM, "native " + library + " (netlib JNIBLAS)", envThreads());
  }

  /** netlib's pure-Java BLAS (VectorBLAS with jdk.incubator.vector, else Java11BLAS). */
  static NetlibBlas java() {
    return java(dev.ludovic.netlib.blas.JavaBLAS.getInstance());
  }

  private static NetlibBlas java(BLAS blas) {
    return new NetlibBlas(
        blas, BlasChoice.JAVA, "pure Java (netlib " + blas.getClass().getSimpleName() + ")", 1);
  }

  /** A system OpenBLAS reads its threads from the environment only, at load. */
  private static int envThreads() {
    String value = System.getenv("OPENBLAS_NUM_THREADS");
    try {
      return value == null ? -1 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void dgemm(
      String transA,
      String transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int lda,
      double[] b,
      int ldb,
      double beta,
      double[] c,
      int ldc) {
    blas.dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }

  @Override
  public BlasChoice kind() {
    return kind;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int threads() {
    return threads;
  }
}
