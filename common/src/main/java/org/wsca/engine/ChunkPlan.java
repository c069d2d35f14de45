package org.wsca.engine;

/**
 * How many heads one batch may hold: at most the configured cap, and fewer when the heads' state
 * would outgrow a driver or a task budget. Per head of p = columns x (d + 1) parameters:
 *
 * <ul>
 *   <li>driver: L-BFGS memory 2 m p doubles plus about 6 p for the point, gradient, direction and
 *       trial, so 8 (2 m + 6) p bytes; budget {@link #DRIVER_BYTES};
 *   <li>task: the label column, 4 bytes per row of the partition; the gradient sums, 8 p bytes; the
 *       score workspace, 8 x {@link RowBlock#MAX_ROWS} x columns bytes; budget {@link #TASK_BYTES}.
 * </ul>
 */
public final class ChunkPlan {
  public static final long DRIVER_BYTES = 512L << 20;
  public static final long TASK_BYTES = 256L << 20;

  private ChunkPlan() {}

  public static int headsPerChunk(int cap, HeadShape shape, int memory, long rowsPerPartition) {
    return headsPerChunk(cap, shape, memory, rowsPerPartition, 1);
  }

  /**
   * The same for one of {@code members} batches fitted together (the same task in several scopes):
   * their optimiser state shares the driver's budget; each task still holds one member's rows.
   */
  public static int headsPerChunk(
      int cap, HeadShape shape, int memory, long rowsPerPartition, int members) {
    if (members < 1) {
      throw new IllegalArgumentException("members is " + members + "; it must be at least 1");
    }
    if (cap < 1) {
      throw new IllegalArgumentException(
          "The cap on heads per chunk is " + cap + "; it must be at least 1");
    }
    long p = shape.size();
    long driver = 8L * (2L * memory + 6L) * p;
    long task = 4L * rowsPerPartition + 8L * p + 8L * RowBlock.MAX_ROWS * shape.columns();
    long fit = Math.min(DRIVER_BYTES / members / driver, TASK_BYTES / task);
    return (int) Math.max(1, Math.min(cap, fit));
  }
}
