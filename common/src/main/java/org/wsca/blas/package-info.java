/**
 * The BLAS the batched permutation engine multiplies with: the OpenBLAS bundled in the jar
 * (JavaCPP), the system's native BLAS through netlib, or netlib's pure-Java fallback, chosen by
 * {@code permutation.blas} ({@link org.wsca.blas.BlasChoice}), and a census of what every executor
 * runs ({@link org.wsca.blas.BlasCensus}).
 */
package org.wsca.blas;
