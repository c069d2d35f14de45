package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsca.input.Canonical;
import org.wsca.math.PermutationDesign;
import org.wsca.math.SampleRanks;
import org.wsca.testing.LocalSpark;

/**
 * The permutation design sorted on the driver equals the one Spark sorted before (a window rank in
 * sample_id order and an orderBy, kept below as the reference), so every permutation stays the
 * same: sample ids mix case, accents, prefixes and characters above U+FFFF, where Java's string
 * order and Spark's part. The design's sample ranks equal the window's.
 */
class StrataLabelsTest {
  private static final int[] ALPHABET = {
    'a', 'A', 'z', '0', '9', '_', 0xe9, 0x301, 0x800, 0xe000, 0xffff, 0x1f600, 0x1d538
  };
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start(StrataLabelsTest.class, 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void imageDesignEqualsSparksSort() {
    Dataset<Row> train = train(600, 7);
    assertSame(StrataLabels.design(train, false), distributed(train, false));
  }

  /** The batched engine looks ranks up in the design instead of the window: they must agree. */
  @Test
  void designRanksEqualSparksWindowRanks() {
    Dataset<Row> train = train(600, 9);
    SampleRanks ranks = StrataLabels.design(train, false).ranks().orElseThrow();
    List<String> strata = StrataLabels.design(train, false).strata();
    List<Row> ranked =
        train
            .withColumn(TaskData.RANK, StrataLabels.rank())
            .select(col(TaskData.STRATUM), col(Canonical.SAMPLE_ID), col(TaskData.RANK))
            .collectAsList();
    assertThat(ranked).hasSize(600);
    for (Row r : ranked) {
      assertThat(ranks.rank(strata.indexOf(r.getString(0)), r.getString(1)))
          .as("rank of %s in %s", r.getString(1), r.getString(0))
          .isEqualTo(r.getInt(2));
    }
  }

  @Test
  void patientDesignEqualsSparksSort() {
    Dataset<Row> train = train(600, 8);
    PermutationDesign design = StrataLabels.design(train, true);
    assertSame(design, distributed(train, true));
    assertThat(design.unit()).isNotEqualTo(PermutationDesign.Unit.IMAGE);
  }

  private static void assertSame(PermutationDesign driver, PermutationDesign spark) {
    assertThat(driver.strata()).containsExactlyElementsOf(spark.strata());
    assertThat(driver.unit()).isEqualTo(spark.unit());
    for (int s = 0; s < spark.strata().size(); s++) {
      assertThat(driver.labels(s)).containsExactly(spark.labels(s));
    }
    for (int b = 0; b < 20; b++) {
      assertThat(driver.permuted(11L, "scanner", "pooled", b))
          .isDeepEqualTo(spark.permuted(11L, "scanner", "pooled", b));
    }
  }

  /** The design as it was collected before: Spark ranks and sorts, the driver only groups. */
  private static PermutationDesign distributed(Dataset<Row> train, boolean patients) {
    List<Row> ordered =
        train
            .withColumn(TaskData.RANK, StrataLabels.rank())
            .select(
                col(TaskData.STRATUM),
                col(Canonical.SAMPLE_ID),
                col(TaskData.Y),
                patients ? col(Canonical.PATIENT_ID) : lit(null).cast(DataTypes.StringType))
            .orderBy(col(TaskData.STRATUM), col(TaskData.RANK))
            .collectAsList();
    return StrataLabels.grouped(ordered, patients);
  }

  /** Rows of 4 strata, patients of 1 to 3 images inside one stratum, unique tricky sample ids. */
  private static Dataset<Row> train(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] strata = {"siteA", "siteB|1", "sité", "site😀"};
    Set<String> ids = new HashSet<>();
    List<Row> rows = new ArrayList<>();
    int patient = 0;
    while (rows.size() < n) {
      String stratum = strata[rng.nextInt(strata.length)];
      int images = 1 + rng.nextInt(3);
      for (int i = 0; i < images; i++) {
        rows.add(
            RowFactory.create(uniqueId(rng, ids), (double) rng.nextInt(3), stratum, "p" + patient));
      }
      patient++;
    }
    StructType schema =
        new StructType()
            .add(Canonical.SAMPLE_ID, DataTypes.StringType)
            .add(TaskData.Y, DataTypes.DoubleType)
            .add(TaskData.STRATUM, DataTypes.StringType)
            .add(Canonical.PATIENT_ID, DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(4);
  }

  private static String uniqueId(SplittableRandom rng, Set<String> ids) {
    while (true) {
      StringBuilder id = new StringBuilder();
      int length = 1 + rng.nextInt(4);
      for (int k = 0; k < length; k++) {
        id.appendCodePoint(ALPHABET[rng.nextInt(ALPHABET.length)]);
      }
      if (ids.add(id.toString())) {
        return id.toString();
      }
    }
  }
}
