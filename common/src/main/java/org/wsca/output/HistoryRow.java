package org.wsca.output;

/**
 * One row of the {@code history} table: one test (metadata task in a scope) of one committed run.
 * The table gains these rows on every run; the report reads the last N runs for its trend.
 */
public record HistoryRow(
    String runId,
    String finishedAt,
    String task,
    String scope,
    double t,
    double p,
    double q,
    String verdict) {}
