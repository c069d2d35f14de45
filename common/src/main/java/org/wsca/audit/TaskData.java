package org.wsca.audit;

/** Column names of one task's rows inside a scope. */
public final class TaskData {
  /** The class index of the task (double, as MLlib wants it). */
  public static final String Y = "y";

  /** The permutation stratum: the site, or site and primary label. */
  public static final String STRATUM = "stratum";

  /** The (label, site) cell of the decision-dependence test (docs/method.md section 11). */
  public static final String CELL = "cell";

  /** Position of the row inside its stratum in sample_id order. */
  public static final String RANK = "rank";

  private TaskData() {}
}
