package org.wsca.study;

import java.util.List;

/** What a calibration study measured, and where it wrote it. */
public record CalibrationResult(
    List<ScenarioSummary> summaries,
    List<DatasetOutcome> outcomes,
    String outputPath,
    long elapsedMillis) {}
