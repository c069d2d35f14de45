package org.wsca.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Merges one state per partition in partition order, whatever order the tasks finish in. Spark's
 * {@code treeReduce} merges partial results as they arrive, which changes the last bits of a merge
 * that is not exactly commutative (Chan et al.'s mean and scatter updates): the same rows then gave
 * PCA axes and standardisers, and through them heads and T, that differed in the last bits from run
 * to run. Up to {@value #COLLECT_MAX} partitions the states are collected (in partition order) and
 * merged on the driver; beyond, groups of about sqrt(P) consecutive partitions are merged in order
 * on the executors first, so the driver receives about sqrt(P) states.
 */
final class OrderedMerge {
  static final int COLLECT_MAX = 32;

  private OrderedMerge() {}

  /** {@code states}: one state per partition; {@code merge(a, b)} adds b into a and returns a. */
  static <T extends Serializable> T of(JavaRDD<T> states, Function2<T, T, T> merge) {
    int partitions = states.getNumPartitions();
    List<T> ordered;
    if (partitions <= COLLECT_MAX) {
      ordered = states.collect();
    } else {
      int group = (int) Math.ceil(Math.sqrt(partitions));
      int groups = (partitions + group - 1) / group;
      ordered =
          states
              .mapPartitionsWithIndex(
                  (index, it) -> {
                    List<Tuple2<Integer, Tuple2<Integer, T>>> out = new ArrayList<>();
                    it.forEachRemaining(
                        s -> out.add(new Tuple2<>(index / group, new Tuple2<>(index, s))));
                    return out.iterator();
                  },
                  false)
              .mapToPair(t -> t)
              .groupByKey(groups)
              .map(g -> new Tuple2<>(g._1(), inOrder(g._2(), merge)))
              .collect()
              .stream()
              .sorted(Comparator.comparing(Tuple2::_1))
              .map(Tuple2::_2)
              .toList();
    }
    return mergeAll(ordered, merge);
  }

  private static <T> T inOrder(Iterable<Tuple2<Integer, T>> indexed, Function2<T, T, T> merge)
      throws Exception {
    List<Tuple2<Integer, T>> list = new ArrayList<>();
    indexed.forEach(list::add);
    list.sort(Comparator.comparing(Tuple2::_1));
    return mergeAll(list.stream().map(Tuple2::_2).toList(), merge);
  }

  /** Merges {@code ordered} left to right: the first state absorbs the others in turn. */
  static <T> T mergeAll(List<T> ordered, Function2<T, T, T> merge) {
    try {
      T total = ordered.get(0);
      for (int i = 1; i < ordered.size(); i++) {
        total = merge.call(total, ordered.get(i));
      }
      return total;
    } catch (Exception e) {
      throw new IllegalStateException("Merging partition states failed: " + e.getMessage(), e);
    }
  }
}
