package org.wsca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsca.engine.FeatureMoments;
import org.wsca.engine.Standardizer;
import org.wsca.testing.LocalSpark;

/**
 * Partition states merged in partition order: the result is the sequential merge of partition 0, 1,
 * 2, ... bit for bit, both when the states are collected (few partitions) and when groups merge on
 * the executors first (more than {@link OrderedMerge#COLLECT_MAX}). The states are Chan et al.'s
 * moments, whose merge is not exactly commutative, on rows with a large common offset.
 */
class OrderedMergeTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start(OrderedMergeTest.class, 2);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 5, OrderedMerge.COLLECT_MAX + 9})
  void mergesPartitionsInPartitionOrder(int partitions) {
    List<double[]> rows = new ArrayList<>();
    Random random = new Random(partitions);
    for (int i = 0; i < 50 * partitions; i++) {
      rows.add(new double[] {1e6 + random.nextGaussian(), random.nextDouble() * (i % 7)});
    }
    JavaRDD<FeatureMoments> states =
        new JavaSparkContext(spark.sparkContext())
            .parallelize(rows, partitions)
            .mapPartitions(
                it -> {
                  FeatureMoments m = new FeatureMoments();
                  it.forEachRemaining(m::add);
                  return List.of(m).iterator();
                });
    List<FeatureMoments> ordered = states.collect();
    // Up to COLLECT_MAX partitions, a fold of 0, 1, 2, ...; beyond, the folds of groups of
    // ceil(sqrt(P)) consecutive partitions, folded in group order.
    int group =
        partitions <= OrderedMerge.COLLECT_MAX
            ? partitions
            : (int) Math.ceil(Math.sqrt(partitions));
    FeatureMoments expected = null;
    for (int from = 0; from < partitions; from += group) {
      FeatureMoments part = ordered.get(from);
      for (int i = from + 1; i < Math.min(from + group, partitions); i++) {
        part.merge(ordered.get(i));
      }
      expected = expected == null ? part : expected.merge(part);
    }
    FeatureMoments merged = OrderedMerge.of(states, FeatureMoments::merge);
    assertThat(merged.count()).isEqualTo(rows.size());
    Standardizer a = merged.standardizer();
    Standardizer b = expected.standardizer();
    assertThat(a.scales()).isEqualTo(b.scales());
    double[] x = {1e6, 1.0};
    double[] centredA = new double[2];
    double[] centredB = new double[2];
    a.scale(x, centredA, 0);
    b.scale(x, centredB, 0);
    assertThat(centredA).isEqualTo(centredB);
  }
}
