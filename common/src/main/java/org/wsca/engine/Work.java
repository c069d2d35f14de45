package org.wsca.engine;

import java.util.List;

/**
 * What a batched fit cost in evaluations: passes over the data, and head-evaluations (the heads
 * evaluated in each pass, summed over the passes). One pass of H active heads with K coefficient
 * vectors each over n rows of d features costs about 4 n d H K flops (two dgemm calls), so
 * head-evaluations x 4 n d K counts the engine's flops.
 */
public record Work(long passes, long headEvaluations) {
  public static final Work NONE = new Work(0, 0);

  /**
   * The work of one {@link BatchLbfgs#minimize} call from its solutions. Every head takes part from
   * the first pass until it stops, so the passes are the most evaluations of any head.
   */
  public static Work of(List<HeadSolution> solutions) {
    long passes = 0;
    long evaluations = 0;
    for (HeadSolution s : solutions) {
      passes = Math.max(passes, s.evaluations());
      evaluations += s.evaluations();
    }
    return new Work(passes, evaluations);
  }

  public Work plus(Work other) {
    return new Work(passes + other.passes, headEvaluations + other.headEvaluations);
  }
}
