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
  // Small rows prepared on the driver (DriverRows), per partition; null when prepared in Spark.
  private final List<List<RowBlock>> onDriver;
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
      List<List<RowBlock>> onDriver,
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
    this.onDriver = onDriver;
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

  /**
   * {@code regParam} fixes the optimiser's coordinates ({@link FeatureMoments#conditioned}); rows
   * whose embeddings take at most {@code driverMaxBytes} are prepared on the driver ({@link
   * DriverRows}), the same blocks in one collect instead of a shuffle and two jobs.
   */
  static BatchedRows prepare(
      SparkSession spark, PermutationRequest request, double regParam, long driverMaxBytes) {
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
    JavaSparkContext context = new JavaSparkContext(spark.sparkContext());
    PermutationDesign design = request.designOrCollect();
    SampleRanks sampleRanks = ranksOf(design, request);
    StrataLabels strata = StrataLabels.of(design);
    long[] counts = classCounts(strata.labels(), request.numClasses(), request.task());
    Prepared prepared =
        embeddingBytes(request, total(counts)) <= driverMaxBytes
            ? onDriver(context, request, partitions, strata, sampleRanks, regParam)
            : inSpark(context, request, partitions, strata, sampleRanks, regParam);
    HeadShape shape = new HeadShape(prepared.standardizer().dimension(), request.numClasses());
    return new BatchedRows(
        prepared.blocks(),
        prepared.onDriver(),
        prepared.ranks(),
        context.broadcast(design),
        List.copyOf(strata.names()),
        design,
        prepared.standardizer(),
        shape,
        counts,
        total(counts),
        partitions);
  }

  /** The rows' embeddings in bytes, from the projection's dimension (at least the features'). */
  private static long embeddingBytes(PermutationRequest request, long rows) {
    return request.projection() == null
        ? Long.MAX_VALUE
        : rows * 8L * request.projection().dimension();
  }

  private record Prepared(
      JavaRDD<RowBlock> blocks,
      List<List<RowBlock>> onDriver,
      Broadcast<SampleRanks> ranks,
      Standardizer standardizer) {}

  private static Prepared onDriver(
      JavaSparkContext context,
      PermutationRequest request,
      int partitions,
      StrataLabels strata,
      SampleRanks sampleRanks,
      double regParam) {
    DriverRows rows = DriverRows.collect(request.train(), partitions);
    Standardizer standardizer = rows.moments().conditioned(regParam);
    List<List<RowBlock>> blocks = rows.blocks(strata.positions(), sampleRanks, standardizer);
    // Only a chunk too wide for the driver-pass budget runs Spark jobs over these.
    JavaRDD<RowBlock> distributed =
        context.parallelize(blocks, blocks.size()).flatMap(List::iterator);
    return new Prepared(distributed, blocks, null, standardizer);
  }

  private static Prepared inSpark(
      JavaSparkContext context,
      PermutationRequest request,
      int partitions,
      StrataLabels strata,
      SampleRanks sampleRanks,
      double regParam) {
    Dataset<Row> arranged =
        arrange(request.train(), partitions).persist(StorageLevel.MEMORY_AND_DISK());
    Broadcast<SampleRanks> ranks = context.broadcast(sampleRanks);
    try {
      Standardizer standardizer = moments(arranged).conditioned(regParam);
      JavaRDD<RowBlock> blocks =
          blocks(arranged, strata.names(), ranks, standardizer)
              .persist(StorageLevel.MEMORY_AND_DISK());
      blocks.setName("wsca batched rows task=" + request.task() + " " + request.scope().name());
      blocks.count();
      return new Prepared(blocks, null, ranks, standardizer);
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

  /**
   * The labelled blocks of {@code permutations} on the driver, per partition in partition order:
   * labelled there when the rows were prepared there, else {@code labelled} collected.
   */
  List<List<RowBlock>> labelledOnDriver(
      PermutationRequest request, int[] permutations, JavaRDD<RowBlock> labelled) {
    if (onDriver == null) {
      return labelled.glom().collect();
    }
    BlockLabels labeller =
        new BlockLabels(request.seed(), request.task(), request.scope().name(), design);
    return onDriver.stream().map(p -> labeller.label(p, permutations)).toList();
  }

  @Override
  public void close() {
    blocks.unpersist(false);
    if (ranks != null) {
      ranks.destroy();
    }
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
            .mapPartitions(it -> List.of(partitionMoments(it)).iterator()),
        FeatureMoments::merge);
  }

  /** One partition's feature moments; the rows' first column is the features. */
  static FeatureMoments partitionMoments(Iterator<Row> rows) {
    FeatureMoments m = new FeatureMoments();
    rows.forEachRemaining(row -> m.add(((Vector) row.get(0)).toArray()));
    return m;
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

  /**
   * One partition's blocks: rows of (features, stratum, sample_id, anything else), standardised and
   * cut into blocks of {@link RowBlock#MAX_ROWS} in their order.
   */
  static List<RowBlock> build(
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
