package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
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
import org.wsca.input.Canonical;
import org.wsca.result.Presence;
import org.wsca.settings.Settings;
import org.wsca.testing.LocalSpark;

/**
 * The presence and separation measured in one pass over a task's rows equal the two separate
 * measurements they replace: the presence from the held-out rows scored alone, and separation from
 * MLlib's training summary ({@code accuracy() == 1.0}).
 */
class PresenceProbeTest {
  private static final HeadFitter FITTER = new HeadFitter(new Settings.Heads(0.01, 100, 1e-6, 4));
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start(PresenceProbeTest.class, 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void overlappingClassesAreNotSeparableAndPresenceIsTheHeldOutOne() {
    assertSameAsSeparateMeasurements(rows(400, 2, 0.3, 11), 2, false);
  }

  @Test
  void separatedClassesAreSeparable() {
    assertSameAsSeparateMeasurements(rows(300, 2, 6.0, 12), 2, true);
  }

  @Test
  void threeClassesMatchToo() {
    assertSameAsSeparateMeasurements(rows(450, 3, 0.8, 13), 3, false);
  }

  private static void assertSameAsSeparateMeasurements(
      Dataset<Row> taskRows, int classes, boolean expectSeparable) {
    Dataset<Row> train = taskRows.filter(col(Canonical.IS_TEST).equalTo(false));
    Dataset<Row> test = taskRows.filter(col(Canonical.IS_TEST).equalTo(true));
    FittedHead head = FITTER.fit(train, TaskData.Y, classes);
    Map<String, Long> counts = Map.of("0", 1L);

    double[][] primary = {{0.5, -1.0, 0.25, 2.0}};
    PresenceProbe.Measured fused =
        PresenceProbe.measure(head, taskRows, classes, counts, primary, true);

    List<Row> heldOut =
        head.model().transform(test).select("probability", TaskData.Y).collectAsList();
    Presence alone = PresenceProbe.presence(heldOut, classes, counts);
    assertThat(fused.separable()).isEqualTo(HeadFitter.separatesTrainingRows(head));
    assertThat(fused.separable()).isEqualTo(expectSeparable);
    assertThat(fused.presence()).isEqualTo(alone);
    assertHeldOutScored(fused.heldOut(), test, primary);
  }

  /** Every held-out row once, in its cell, with its patient and the clinical head's scores. */
  private static void assertHeldOutScored(
      List<DependencePass.StratumRow> heldOut, Dataset<Row> test, double[][] primary) {
    List<Row> expected = test.collectAsList();
    assertThat(heldOut).hasSize(expected.size());
    Map<String, DependencePass.StratumRow> byId = new HashMap<>();
    heldOut.forEach(r -> byId.put(r.row().sampleId(), r));
    for (Row e : expected) {
      DependencePass.StratumRow r = byId.get(e.getString(3));
      double[] x = ((Vector) e.get(0)).toArray();
      assertThat(r.stratum()).isEqualTo(e.getString(4));
      assertThat(r.row().patientId()).isEqualTo(e.getString(5));
      assertThat(r.row().metadataClass()).isEqualTo((int) e.getDouble(1));
      assertThat(r.row().scores()).containsExactly(DependencePass.scores(x, primary));
    }
  }

  /** Gaussian classes {@code gap} apart on the first axis, d = 4, one row in four held out. */
  private static Dataset<Row> rows(int n, int classes, double gap, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int y = i % classes;
      double[] x = new double[4];
      for (int j = 0; j < x.length; j++) {
        x[j] = gaussian(random) + (j == y % x.length ? gap : 0.0);
      }
      out.add(
          RowFactory.create(
              Vectors.dense(x), (double) y, i % 4 == 0, "s" + i, "cell" + (i % 3), "p" + i / 2));
    }
    StructType schema =
        new StructType()
            .add(HeadFitter.FEATURES, SQLDataTypes.VectorType())
            .add(TaskData.Y, DataTypes.DoubleType)
            .add(Canonical.IS_TEST, DataTypes.BooleanType)
            .add(Canonical.SAMPLE_ID, DataTypes.StringType)
            .add(TaskData.CELL, DataTypes.StringType)
            .add(Canonical.PATIENT_ID, DataTypes.StringType);
    return spark.createDataFrame(out, schema).repartition(2).cache();
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
