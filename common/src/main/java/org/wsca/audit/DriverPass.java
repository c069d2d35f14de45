package org.wsca.audit;

import java.util.List;
import org.wsca.blas.Blas;
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
 * {@link BatchedPass} for small data: the labelled blocks are on the driver (collected once, or
 * prepared there: {@link DriverRows}), and each evaluation runs the same {@link LogisticBatch} over
 * them there, partition by partition, merging the partitions' sums in partition order. A small
 * audit's passes then cost arithmetic instead of one Spark job each (the job's fixed cost is most
 * of a pass below some ten thousand rows). With up to two partitions the sums are the same as the
 * distributed pass's bit for bit (a sum of two states commutes); with more, only their association
 * order differs.
 */
final class DriverPass implements BatchObjective {
  private final List<List<RowBlock>> partitions;
  private final PenalisedLoss loss;
  private final Blas blas;

  private DriverPass(List<List<RowBlock>> partitions, PenalisedLoss loss, Blas blas) {
    this.partitions = partitions;
    this.loss = loss;
    this.blas = blas;
  }

  /** Over labelled blocks grouped by partition in partition order; multiplies with {@code blas}. */
  static DriverPass of(List<List<RowBlock>> partitions, PenalisedLoss loss, BlasSetting blas) {
    return new DriverPass(partitions, loss, Blases.load(blas));
  }

  @Override
  public Evaluations evaluate(int[] heads, double[][] points) {
    BatchPoint point = BatchPoint.pack(loss.shape(), heads, points);
    LogisticBatch batch = new LogisticBatch(point, blas);
    GradientState total = null;
    for (List<RowBlock> partition : partitions) {
      GradientState state = new GradientState(point.shape(), point.size());
      partition.forEach(block -> batch.accumulate(block, state));
      total = total == null ? state : total.merge(state);
    }
    return loss.finish(
        points, total == null ? new GradientState(point.shape(), point.size()) : total);
  }
}
