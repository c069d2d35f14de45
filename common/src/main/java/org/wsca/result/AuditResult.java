package org.wsca.result;

import java.util.List;
import java.util.Map;

/** What an audit found, as committed to {@code outputPath}. */
public record AuditResult(
    String runId,
    String outputPath,
    List<ScopeResult> scopes,
    List<TestOutcome> tests,
    long rowsRead,
    long rowsRejected,
    Map<String, Long> rejectsByReason,
    long rowsTrain,
    long rowsTest,
    int dimension) {}
