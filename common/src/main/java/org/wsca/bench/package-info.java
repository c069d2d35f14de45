/**
 * Benchmarks of the permutation engines and of whole audits at growing scale.
 *
 * <p>Layer 7 of org.wsca (jobs 8, study and bench 7, run 6, report 5, audit and output 4, result,
 * input, resume and demo 3, settings 2, method and engine 1, math, errors and blas 0). A package
 * imports only lower layers: here run, audit, output, result, demo and below. LayeringTest checks
 * this.
 */
package org.wsca.bench;
