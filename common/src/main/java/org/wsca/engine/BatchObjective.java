package org.wsca.engine;

/**
 * Evaluates many heads' objectives in one go: for the Spark engine that is one distributed pass
 * over the cached rows, whatever the number of heads.
 */
public interface BatchObjective {
  /**
   * @param heads which heads (label columns) to evaluate
   * @param points their points, {@code points[a]} for {@code heads[a]}
   */
  Evaluations evaluate(int[] heads, double[][] points);
}
