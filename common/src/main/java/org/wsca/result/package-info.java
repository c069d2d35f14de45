/**
 * Immutable result records of an audit (AuditResult, ScopeResult, TestOutcome, ...), shared by
 * audit, output and report. Absent values: an empty Optional for an object, NaN for a number.
 *
 * <p>Layer 3 of org.wsca (jobs 8, study and bench 7, run 6, report 5, audit and output 4, result,
 * input, resume and demo 3, settings 2, method and engine 1, math, errors and blas 0). A package
 * imports only lower layers: here settings, method, engine, math, errors. LayeringTest checks this.
 */
package org.wsca.result;
