/**
 * The computation of an audit on Spark: split, scopes, projection, heads, presence, alignment,
 * permutation nulls, inference. Returns result records; writes nothing but permutation chunks.
 *
 * <p>Layer 4 of org.wsca (jobs 8, study and bench 7, run 6, report 5, audit and output 4, result,
 * input, resume and demo 3, settings 2, method and engine 1, math, errors and blas 0). A package
 * imports only lower layers: here input, resume, result and below (never output, report or run).
 * LayeringTest checks this.
 */
package org.wsca.audit;
