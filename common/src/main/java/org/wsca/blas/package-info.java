/**
 * The BLAS the batched permutation engine multiplies with: the OpenBLAS bundled in the jar
 * (JavaCPP), the system's native BLAS through netlib, or netlib's pure-Java fallback, chosen by
 * {@code permutation.blas} ({@link org.wsca.blas.BlasChoice}), and a census of what every executor
 * runs ({@link org.wsca.blas.BlasCensus}).
 *
 * <p>Layer 0 of org.wsca (jobs 8, study and bench 7, run 6, report 5, audit and output 4, result,
 * input, resume and demo 3, settings 2, method and engine 1, math, errors and blas 0). A package
 * imports only lower layers: here nothing of org.wsca. LayeringTest checks this.
 */
package org.wsca.blas;
