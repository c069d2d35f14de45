package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wsca.engine.FeatureMoments;
import org.wsca.engine.RowBlock;
import org.wsca.engine.Standardizer;
import org.wsca.input.Canonical;
import org.wsca.math.SampleRanks;
import org.wsca.math.SparkOrder;

/**
 * A small request's training rows collected in one job and arranged on the driver exactly as {@link
 * BatchedRows} arranges them in Spark: partition pmod(murmur3(sample_id), P) (Spark's hash
 * partitioning), sorted by (stratum, sample_id) in Spark's string order inside each partition,
 * feature moments merged in partition order, blocks cut per partition. The blocks are therefore the
 * distributed ones, bit for bit, without the shuffle, the moments job and the caching job that cost
 * a small audit far more than its arithmetic.
 */
final class DriverRows {
  private static final String PARTITION = "_wsca_partition";

  private final List<List<Row>> partitions;

  private DriverRows(List<List<Row>> partitions) {
    this.partitions = partitions;
  }

  /** Collects {@code train}'s sample ids, strata and features into {@code count} partitions. */
  static DriverRows collect(Dataset<Row> train, int count) {
    List<List<Row>> partitions = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      partitions.add(new ArrayList<>());
    }
    // Spark's HashPartitioning: Pmod(Murmur3Hash(keys, seed 42), P), the same as functions.hash.
    for (Row r :
        train
            // BatchedRows.build's layout (features, stratum, sample_id), then the partition.
            .select(
                col(HeadFitter.FEATURES),
                col(TaskData.STRATUM),
                col(Canonical.SAMPLE_ID),
                pmod(hash(col(Canonical.SAMPLE_ID)), lit(count)).as(PARTITION))
            .collectAsList()) {
      partitions.get(r.getInt(3)).add(r);
    }
    Comparator<Row> order =
        Comparator.<Row, byte[]>comparing(r -> SparkOrder.key(r.getString(1)), SparkOrder::compare)
            .thenComparing(r -> SparkOrder.key(r.getString(2)), SparkOrder::compare);
    partitions.forEach(p -> p.sort(order));
    return new DriverRows(partitions);
  }

  /** The rows' feature moments, merged in partition order as {@link OrderedMerge} merges them. */
  FeatureMoments moments() {
    return OrderedMerge.mergeAll(
        partitions.stream().map(p -> BatchedRows.partitionMoments(p.iterator())).toList(),
        FeatureMoments::merge);
  }

  /** Each partition's standardised blocks, in partition order, cut as Spark's tasks cut them. */
  List<List<RowBlock>> blocks(
      Map<String, Integer> strata, SampleRanks ranks, Standardizer standardizer) {
    return partitions.stream()
        .map(
            p ->
                BatchedRows.build(
                    p.iterator(), strata, ranks, standardizer, standardizer.dimension()))
        .toList();
  }
}
