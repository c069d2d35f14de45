/**
 * The decision-dependence test (docs/method.md section 11): does the clinical head's score on
 * held-out rows move with the metadata within (label, site) strata? The statistic, its permutations
 * and its result. Pure Java, no Spark (the Spark pass is org.wsca.audit.DependencePass).
 *
 * <p>Layer 1 of org.wsca (jobs 8, study and bench 7, run 6, report 5, audit and output 4, result,
 * input, resume and demo 3, settings 2, method, engine and dependence 1, math, errors and blas 0).
 * A package imports only lower layers: here math. LayeringTest checks this.
 */
package org.wsca.dependence;
