/**
 * Result tables, manifest, history table and the staged commit of a run.
 *
 * <p>Layer 4 of org.wsca (jobs 8, study and bench 7, run 6, report 5, audit and output 4, result,
 * input, resume and demo 3, settings 2, method and engine 1, math, errors and blas 0). A package
 * imports only lower layers: here input, resume, result and below (never audit, report or run).
 * LayeringTest checks this.
 */
package org.wsca.output;
