package org.wsca.engine;

import java.util.List;
import org.wsca.blas.Blas;
import org.wsca.blas.BlasSetting;
import org.wsca.blas.Blases;

/**
 * The batched objective over blocks held in memory: what one Spark pass computes, on one JVM. Used
 * by the pure tests and as the reference the distributed pass must match.
 */
public final class BlockObjective implements BatchObjective {
  private final List<RowBlock> blocks;
  private final PenalisedLoss loss;
  private final Blas blas;

  public BlockObjective(List<RowBlock> blocks, PenalisedLoss loss) {
    this(blocks, loss, Blases.load(BlasSetting.DEFAULT));
  }

  public BlockObjective(List<RowBlock> blocks, PenalisedLoss loss, Blas blas) {
    this.blocks = List.copyOf(blocks);
    this.loss = loss;
    this.blas = blas;
  }

  @Override
  public Evaluations evaluate(int[] heads, double[][] points) {
    BatchPoint point = BatchPoint.pack(loss.shape(), heads, points);
    GradientState sums = new GradientState(loss.shape(), heads.length);
    LogisticBatch batch = new LogisticBatch(point, blas);
    for (RowBlock block : blocks) {
      batch.accumulate(block, sums);
    }
    return loss.finish(points, sums);
  }
}
