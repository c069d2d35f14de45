package org.wsca.blas;

/**
 * The level-3 BLAS call the batched engine makes, column-major with Fortran BLAS's arguments
 * ({@code "N"} or {@code "T"} for the transposes), on plain Java arrays.
 */
public interface Blas {
  /** C = alpha op(A) op(B) + beta C, with op(A) m x k and op(B) k x n. */
  void dgemm(
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
      int ldc);

  /** Which implementation this is (never {@link BlasChoice#AUTO}). */
  BlasChoice kind();

  /** For people: the library and how it is reached, e.g. "bundled OpenBLAS (JavaCPP)". */
  String description();

  /** The BLAS's own threads per call, or -1 when it cannot be read (a system library). */
  int threads();
}
