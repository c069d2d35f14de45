package org.wsca.audit;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.wsca.engine.BlockLabels;
import org.wsca.engine.FeatureMoments;
import org.wsca.engine.HeadShape;
import org.wsca.engine.PenalisedLoss;
import org.wsca.engine.RowBlock;
import org.wsca.engine.Standardizer;
import org.wsca.input.Canonical;
import org.wsca.math.PermutationDesign;
import org.wsca.math.SampleRanks;

/**
 * The training rows of one (task, scope) as the batched engine reads them: ranked inside their
 * stratum in sample_id order (looked up in the design, {@link SampleRanks}), spread over the
 * cluster's default parallelism by sample_id and sorted inside each partition (so blocks do not
 * depend on the input's partitioning), centred and scaled into the optimiser's well-conditioned
 * coordinates ({@link FeatureMoments#conditioned}) and cached as {@link RowBlock}s. Only the
 * permutation design (the unpermuted per-stratum labels and the patient blocks) is broadcast;
 * {@link #labelled} permutes them inside the partitions.
 */
final class BatchedRows implements AutoCloseable {
  private final JavaRDD<RowBlock> blocks;
  // The blocks' lineage holds it (a recomputed block looks its ranks up again): freed with them.
  private final Broadcast<SampleRanks> ranks;
  private final Broadcast<PermutationDesign> labels;
  private final List<String> strata;
  private final PermutationDesign design;
  private final Standardizer standardizer;
  private final HeadShape shape;
  private final long[] classCounts;
  private final long rows;
  private final int partitions;

  private BatchedRows(
      JavaRDD<RowBlock> blocks,
      Broadcast<SampleRanks> ranks,
      Broadcast<PermutationDesign> labels,
      List<String> strata,
      PermutationDesign design,
      Standardizer standardizer,
      HeadShape shape,
      long[] classCounts,
      long rows,
      int partitions) {
    this.blocks = blocks;
    this.ranks = ranks;
    this.labels = labels;
    this.strata = strata;
    this.design = design;
    this.standardizer = standardizer;
    this.shape = shape;
    this.classCounts = classCounts;
    this.rows = rows;
    this.partitions = partitions;
  }

  /** {@code regParam} fixes the optimiser's coordinates ({@link FeatureMoments#conditioned}). */
  static BatchedRows prepare(SparkSession spark, PermutationRequest request, double regParam) {
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
    Dataset<Row> arranged =
        arrange(request.train(), partitions).persist(StorageLevel.MEMORY_AND_DISK());
    JavaSparkContext context = new JavaSparkContext(spark.sparkContext());
    PermutationDesign design = request.designOrCollect();
    Broadcast<SampleRanks> ranks = context.broadcast(ranksOf(design, request));
    try {
      StrataLabels strata = StrataLabels.of(design);
      long[] counts = classCounts(strata.labels(), request.numClasses(), request.task());
      Standardizer standardizer = moments(arranged).conditioned(regParam);
      JavaRDD<RowBlock> blocks =
          blocks(arranged, strata.names(), ranks, standardizer)
              .persist(StorageLevel.MEMORY_AND_DISK());
      blocks.setName("wsca batched rows task=" + request.task() + " " + request.scope().name());
      blocks.count();
      Broadcast<PermutationDesign> labels = context.broadcast(design);
      HeadShape shape = new HeadShape(standardizer.dimension(), request.numClasses());
      return new BatchedRows(
          blocks,
          ranks,
          labels,
          List.copyOf(strata.names()),
          design,
          standardizer,
          shape,
          counts,
          total(counts),
          partitions);
    } catch (RuntimeException | Error e) {
      ranks.destroy();
      throw e;
    } finally {
      arranged.unpersist();
    }
  }

  private static SampleRanks ranksOf(PermutationDesign design, PermutationRequest request) {
    return design
        .ranks()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The permutation design of task "
                        + request.task()
                        + " "
                        + request.scope().name()
                        + " has no sample ranks; build it with StrataLabels.design"));
  }

  HeadShape shape() {
    return shape;
  }

  long[] classCounts() {
    return classCounts.clone();
  }

  Standardizer standardizer() {
    return standardizer;
  }

  long rowsPerPartition() {
    return (rows + partitions - 1) / partitions;
  }

  /** The size of the labelled blocks of {@code heads} heads: 8 d + 4 heads + 8 bytes a row. */
  long labelledBytes(int heads) {
    return rows * (8L * shape.dimension() + 4L * heads + 8L);
  }

  PenalisedLoss loss(double regParam) {
    return new PenalisedLoss(shape, standardizer.penaltyWeights(regParam), rows);
  }

  /** True for the permutations that leave every label of every stratum as observed. */
  boolean[] identities(PermutationRequest request, int[] permutations) {
    boolean[] out = new boolean[permutations.length];
    for (int h = 0; h < out.length; h++) {
      out[h] =
          design.isIdentity(
              request.seed(), request.task(), request.scope().name(), permutations[h]);
    }
    return out;
  }

  /** The cached blocks with the label columns of {@code permutations}; unpersist when done. */
  JavaRDD<RowBlock> labelled(PermutationRequest request, int[] permutations) {
    Broadcast<PermutationDesign> shared = labels;
    long seed = request.seed();
    String task = request.task();
    String scope = request.scope().name();
    int[] columns = permutations.clone();
    return blocks
        .mapPartitions(
            it ->
                new BlockLabels(seed, task, scope, shared.value())
                    .label(list(it), columns)
                    .iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  @Override
  public void close() {
    blocks.unpersist(false);
    ranks.destroy();
    labels.destroy();
  }

  /**
   * Spread by sample_id and sorted by (stratum, sample_id) inside each partition: the order of the
   * rows' ranks, which the blocks look up in the design ({@link SampleRanks}).
   */
  private static Dataset<Row> arrange(Dataset<Row> train, int partitions) {
    return train
        .select(col(Canonical.SAMPLE_ID), col(HeadFitter.FEATURES), col(TaskData.STRATUM))
        .repartition(partitions, col(Canonical.SAMPLE_ID))
        .sortWithinPartitions(TaskData.STRATUM, Canonical.SAMPLE_ID);
  }

  private static FeatureMoments moments(Dataset<Row> arranged) {
    return OrderedMerge.of(
        arranged
            .select(col(HeadFitter.FEATURES))
            .javaRDD()
            .mapPartitions(
                it -> {
                  FeatureMoments m = new FeatureMoments();
                  it.forEachRemaining(row -> m.add(((Vector) row.get(0)).toArray()));
                  return List.of(m).iterator();
                }),
        FeatureMoments::merge);
  }

  private static JavaRDD<RowBlock> blocks(
      Dataset<Row> arranged,
      List<String> names,
      Broadcast<SampleRanks> ranks,
      Standardizer standardizer) {
    Map<String, Integer> index = StrataLabels.positions(names);
    int d = standardizer.dimension();
    return arranged
        .select(col(HeadFitter.FEATURES), col(TaskData.STRATUM), col(Canonical.SAMPLE_ID))
        .javaRDD()
        .mapPartitions(it -> build(it, index, ranks.value(), standardizer, d).iterator());
  }

  private static List<RowBlock> build(
      Iterator<Row> rows,
      Map<String, Integer> strata,
      SampleRanks ranks,
      Standardizer standardizer,
      int d) {
    List<RowBlock> out = new ArrayList<>();
    RowBlock.Builder builder = RowBlock.builder(d);
    while (rows.hasNext()) {
      Row row = rows.next();
      int stratum = strata.get(row.getString(1));
      builder.add(
          ((Vector) row.get(0)).toArray(),
          standardizer,
          stratum,
          ranks.rank(stratum, row.getString(2)));
      if (builder.isFull()) {
        out.add(builder.build());
      }
    }
    if (!builder.isEmpty()) {
      out.add(builder.build());
    }
    return out;
  }

  private static <T> List<T> list(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static long[] classCounts(int[][] labels, int classes, String task) {
    long[] counts = new long[classes];
    for (int[] stratum : labels) {
      for (int label : stratum) {
        if (label < 0 || label >= classes) {
          throw new IllegalArgumentException(
              "Task "
                  + task
                  + " has class index "
                  + label
                  + " in its training rows but the request says "
                  + classes
                  + " classes; y must be"
                  + " a class index in 0.."
                  + (classes - 1));
        }
        counts[label]++;
      }
    }
    return counts;
  }

  private static long total(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }
}
