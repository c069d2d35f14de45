package org.wsca.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsca.dependence.DependenceResult;
import org.wsca.dependence.RowPermuter;
import org.wsca.dependence.ShiftStatistic;
import org.wsca.dependence.StratumScores;
import org.wsca.input.Canonical;
import org.wsca.testing.LocalSpark;

/**
 * The Spark pass of the decision-dependence test against the pure path on the same rows (n = 400, d
 * = 5, 6 strata, 3 metadata classes, 2 clinical directions), and its independence of the input's
 * partitioning and row order.
 */
class DependencePassTest {
  private static final int B = 300;
  private static final double[][] DIRECTIONS = {
    {0.5, -1.0, 0.0, 2.0, 0.3}, {-0.2, 0.1, 1.5, 0.0, -0.7}
  };
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start(DependencePassTest.class, 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sparkPassEqualsThePurePath() {
    List<Row> rows = rows(400, 11);
    DependenceResult spark = pass(frame(rows, 2), 70);
    DependenceResult pure = DependenceResult.of(new ShiftStatistic(strata(rows), 3), B, permuter());
    assertThat(spark.d()).isCloseTo(pure.d(), within(1e-12));
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < 3; j++) {
        assertThat(spark.shifts()[c][j]).isCloseTo(pure.shifts()[c][j], within(1e-12));
      }
    }
    assertThat(spark.nulls()).hasSize(B);
    for (int b = 0; b < B; b++) {
      assertThat(spark.nulls()[b]).isCloseTo(pure.nulls()[b], within(1e-12));
    }
    assertThat(spark.p()).isEqualTo(pure.p());
    assertThat(spark.movableStrata()).isEqualTo(6);
    assertThat(spark.d()).as("class 0 shifts score 0 by 0.8 sd").isGreaterThan(0.4);
    assertThat(spark.p()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void resultDoesNotDependOnPartitioningRowOrderOrJobSize() {
    List<Row> rows = rows(400, 12);
    DependenceResult one = pass(frame(rows, 1), 1000);
    List<Row> reversed = new ArrayList<>(rows);
    java.util.Collections.reverse(reversed);
    DependenceResult seven = pass(frame(reversed, 7).repartition(5), 37);
    assertThat(seven.nulls()).containsExactly(one.nulls());
    assertThat(seven.d()).isEqualTo(one.d());
    assertThat(seven.p()).isEqualTo(one.p());
  }

  /** Rows scored in another pass (the probe's presence pass) give the Spark pass's result. */
  @Test
  void rowsScoredElsewhereGiveTheSameResult() {
    Dataset<Row> frame = frame(rows(400, 13), 3);
    List<DependencePass.StratumRow> scored = new ArrayList<>();
    for (Row r :
        frame
            .select(
                frame.col(TaskData.STRATUM),
                frame.col(Canonical.SAMPLE_ID),
                frame.col(TaskData.Y),
                DependencePass.scores(DIRECTIONS))
            .collectAsList()) {
      scored.add(
          new DependencePass.StratumRow(
              r.getString(0),
              new DependencePass.ScoredRow(
                  r.getString(1),
                  (int) r.getDouble(2),
                  ((org.apache.spark.ml.linalg.Vector) r.get(3)).toArray(),
                  null)));
    }
    DependenceResult sparkPass = pass(frame, 100);
    DependenceResult driver =
        DependencePass.on(spark)
            .scored(scored)
            .directions(DIRECTIONS)
            .classes(3)
            .permutations(B, permuter())
            .describedAs("task=scanner pooled")
            .step(100)
            .execute();
    assertThat(driver.nulls()).containsExactly(sparkPass.nulls());
    assertThat(driver.d()).isEqualTo(sparkPass.d());
    assertThat(driver.shifts()).isDeepEqualTo(sparkPass.shifts());
    assertThat(driver.p()).isEqualTo(sparkPass.p());
  }

  private static DependenceResult pass(Dataset<Row> frame, int step) {
    return DependencePass.on(spark)
        .rows(frame)
        .directions(DIRECTIONS)
        .classes(3)
        .permutations(B, permuter())
        .describedAs("task=scanner pooled")
        .step(step)
        .execute();
  }

  private static RowPermuter permuter() {
    return new RowPermuter(20260101L, "scanner", "pooled");
  }

  /** Rows with a stratum effect on x and a shift of class-0 rows along DIRECTIONS[0]. */
  private static List<Row> rows(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int stratum = rng.nextInt(6);
      int y = rng.nextInt(3);
      double[] x = new double[5];
      for (int k = 0; k < 5; k++) {
        x[k] = stratum + rng.nextGaussian() + (y == 0 ? 0.8 * DIRECTIONS[0][k] / 2.3 : 0.0);
      }
      out.add(
          RowFactory.create(
              String.format("s%05d", rng.nextInt(1_000_000) * 1000 + i),
              Vectors.dense(x),
              (double) y,
              "stratum" + stratum));
    }
    return out;
  }

  private static Dataset<Row> frame(List<Row> rows, int partitions) {
    StructType schema =
        new StructType()
            .add(Canonical.SAMPLE_ID, DataTypes.StringType)
            .add(HeadFitter.FEATURES, SQLDataTypes.VectorType())
            .add(TaskData.Y, DataTypes.DoubleType)
            .add(TaskData.STRATUM, DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(partitions);
  }

  /** The same strata built on the driver: scores directions . x, rows in sample_id order. */
  private static List<StratumScores> strata(List<Row> rows) {
    TreeMap<String, List<Row>> byStratum = new TreeMap<>();
    for (Row r : rows) {
      byStratum.computeIfAbsent(r.getString(3), k -> new ArrayList<>()).add(r);
    }
    List<StratumScores> out = new ArrayList<>();
    byStratum.forEach(
        (name, members) -> {
          members.sort(Comparator.comparing(r -> r.getString(0)));
          int[] classes = new int[members.size()];
          double[][] scores = new double[DIRECTIONS.length][members.size()];
          for (int i = 0; i < members.size(); i++) {
            classes[i] = (int) members.get(i).getDouble(2);
            double[] x = ((org.apache.spark.ml.linalg.Vector) members.get(i).get(1)).toArray();
            for (int c = 0; c < DIRECTIONS.length; c++) {
              for (int k = 0; k < x.length; k++) {
                scores[c][i] += DIRECTIONS[c][k] * x[k];
              }
            }
          }
          out.add(new StratumScores(name, classes, scores));
        });
    return out;
  }
}
