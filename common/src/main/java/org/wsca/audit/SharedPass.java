package org.wsca.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.wsca.blas.BlasSetting;
import org.wsca.blas.Blases;
import org.wsca.engine.BatchPoint;
import org.wsca.engine.Evaluations;
import org.wsca.engine.GradientState;
import org.wsca.engine.LogisticBatch;
import org.wsca.engine.PenalisedLoss;
import org.wsca.engine.RowBlock;

/**
 * {@link BatchedPass} for several members at once (the same task in several site scopes): one Spark
 * job evaluates every member's active heads, each block contributing only to its own member's sums.
 * A member's sums are those its own pass would compute: its partitions' states, merged in a tree
 * (bit for bit the same with up to two partitions per member; with more, only the association order
 * of the sums may differ).
 */
final class SharedPass {
  private static final int DEPTH = 2;

  private final JavaSparkContext context;
  private final JavaRDD<Member> blocks;
  private final List<PenalisedLoss> losses;
  private final BlasSetting blas;

  /** A block and the member it belongs to. */
  record Member(int index, RowBlock block) implements Serializable {}

  SharedPass(
      JavaSparkContext context,
      List<JavaRDD<RowBlock>> members,
      List<PenalisedLoss> losses,
      BlasSetting blas) {
    List<JavaRDD<Member>> tagged = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      int index = m;
      tagged.add(members.get(m).map(block -> new Member(index, block)));
    }
    this.context = context;
    this.blocks = context.union(tagged.toArray(JavaRDD[]::new));
    this.losses = List.copyOf(losses);
    this.blas = blas;
  }

  /**
   * Evaluates member m's heads {@code heads[m]} at {@code points[m]}; a member with no heads (an
   * empty array) is skipped and gets an empty result.
   */
  List<Evaluations> evaluate(int[][] heads, double[][][] points) {
    BatchPoint[] packed = new BatchPoint[losses.size()];
    for (int m = 0; m < packed.length; m++) {
      if (heads[m].length > 0) {
        packed[m] = BatchPoint.pack(losses.get(m).shape(), heads[m], points[m]);
      }
    }
    Broadcast<BatchPoint[]> shared = context.broadcast(packed);
    BlasSetting blas = this.blas;
    int members = packed.length;
    try {
      Sums sums =
          blocks
              .mapPartitions(it -> List.of(Sums.of(shared.value(), blas, it)).iterator())
              .treeReduce(Sums::merge, DEPTH);
      List<Evaluations> out = new ArrayList<>();
      for (int m = 0; m < members; m++) {
        out.add(finish(m, packed[m], points[m], sums.states[m]));
      }
      return out;
    } finally {
      shared.destroy();
    }
  }

  private Evaluations finish(int m, BatchPoint point, double[][] points, GradientState sums) {
    if (point == null) {
      return new Evaluations(new double[0], new double[0][]);
    }
    GradientState state = sums != null ? sums : new GradientState(point.shape(), point.size());
    return losses.get(m).finish(points, state);
  }

  /** Per member, the sums of its blocks seen so far; null for a member with none. */
  static final class Sums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final GradientState[] states;

    private Sums(int members) {
      this.states = new GradientState[members];
    }

    static Sums of(BatchPoint[] points, BlasSetting blas, Iterator<Member> blocks) {
      Sums sums = new Sums(points.length);
      LogisticBatch[] batches = new LogisticBatch[points.length];
      while (blocks.hasNext()) {
        Member member = blocks.next();
        int m = member.index();
        BatchPoint point = points[m];
        if (point == null) {
          continue;
        }
        if (batches[m] == null) {
          batches[m] = new LogisticBatch(point, Blases.load(blas));
          sums.states[m] = new GradientState(point.shape(), point.size());
        }
        batches[m].accumulate(member.block(), sums.states[m]);
      }
      return sums;
    }

    Sums merge(Sums other) {
      for (int m = 0; m < states.length; m++) {
        if (states[m] == null) {
          states[m] = other.states[m];
        } else if (other.states[m] != null) {
          states[m].merge(other.states[m]);
        }
      }
      return this;
    }
  }
}
