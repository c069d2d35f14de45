package org.wsca.audit;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.wsca.blas.BlasSetting;
import org.wsca.blas.Blases;
import org.wsca.engine.BatchObjective;
import org.wsca.engine.BatchPoint;
import org.wsca.engine.Evaluations;
import org.wsca.engine.GradientState;
import org.wsca.engine.LogisticBatch;
import org.wsca.engine.PenalisedLoss;
import org.wsca.engine.RowBlock;

/**
 * One evaluation of all active heads = one Spark job: the trial points are broadcast, every task
 * runs {@link LogisticBatch} over its cached blocks into one {@link GradientState}, and the states
 * are tree-reduced to the driver, which adds the penalty.
 */
final class BatchedPass implements BatchObjective {
  private static final int DEPTH = 2;

  private final JavaSparkContext context;
  private final JavaRDD<RowBlock> blocks;
  private final PenalisedLoss loss;
  private final BlasSetting blas;

  BatchedPass(
      JavaSparkContext context, JavaRDD<RowBlock> blocks, PenalisedLoss loss, BlasSetting blas) {
    this.context = context;
    this.blocks = blocks;
    this.loss = loss;
    this.blas = blas;
  }

  @Override
  public Evaluations evaluate(int[] heads, double[][] points) {
    Broadcast<BatchPoint> shared = context.broadcast(BatchPoint.pack(loss.shape(), heads, points));
    BlasSetting blas = this.blas;
    try {
      GradientState sums =
          blocks
              .mapPartitions(it -> List.of(sum(shared.value(), blas, it)).iterator())
              .treeReduce(GradientState::merge, DEPTH);
      return loss.finish(points, sums);
    } finally {
      shared.destroy();
    }
  }

  private static GradientState sum(BatchPoint point, BlasSetting blas, Iterator<RowBlock> blocks) {
    GradientState state = new GradientState(point.shape(), point.size());
    LogisticBatch batch = new LogisticBatch(point, Blases.load(blas));
    blocks.forEachRemaining(block -> batch.accumulate(block, state));
    return state;
  }
}
