package org.wsca.method;

import java.util.List;

/**
 * A fitted or supplied linear head. {@code directions} are the vectors WSC compares: one log-odds
 * direction for two classes, otherwise the centred class vectors (docs/method.md section 3). {@code
 * coefficients} and {@code intercepts} are the head as fitted, before centring. {@code separable}:
 * the fitted head classifies every training row right (null for a supplied head, which was not
 * fitted on these rows).
 */
public record Head(
    String scope,
    String task,
    String source,
    List<String> classes,
    List<String> directionLabels,
    double[][] directions,
    double[][] coefficients,
    double[] intercepts,
    boolean converged,
    int iterations,
    long trainRows,
    Boolean separable) {

  public static final String PROBE = "probe";
  public static final String SUPPLIED = "supplied";
  public static final String PRIMARY_TASK = "primary";
}
