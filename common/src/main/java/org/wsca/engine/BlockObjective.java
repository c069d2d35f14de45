package org.wsca.engine;

import java.util.List;

/**
 * The batched objective over blocks held in memory: what one Spark pass computes, on one JVM. Used
 * by the pure tests and as the reference the distributed pass must match.
 */
public final class BlockObjective implements BatchObjective {
  private final List<RowBlock> blocks;
  private final PenalisedLoss loss;

  public BlockObjective(List<RowBlock> blocks, PenalisedLoss loss) {
    this.blocks = List.copyOf(blocks);
    this.loss = loss;
  }

  @Override
  public Evaluations evaluate(int[] heads, double[][] points) {
    BatchPoint point = BatchPoint.pack(loss.shape(), heads, points);
    GradientState sums = new GradientState(loss.shape(), heads.length);
    LogisticBatch batch = new LogisticBatch(point);
    for (RowBlock block : blocks) {
      batch.accumulate(block, sums);
    }
    return loss.finish(points, sums);
  }
}
