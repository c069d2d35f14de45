package org.wsca.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsca.demo.ReluEmbeddings;
import org.wsca.engine.GoldenSmall;
import org.wsca.engine.LinearHead;
import org.wsca.engine.NewtonLogistic;
import org.wsca.engine.RowBlock;
import org.wsca.math.Alignment;
import org.wsca.math.CovarianceState;
import org.wsca.math.Metric;
import org.wsca.math.Permutations;
import org.wsca.math.Projection;
import org.wsca.math.SymmetricEigen;
import org.wsca.method.NullDistribution;
import org.wsca.method.Scope;
import org.wsca.resume.ChunkStore;
import org.wsca.settings.Settings;
import org.wsca.testing.LocalSpark;

/**
 * The batched engine against MLlib (HeadFitter, MllibLoopEngine) on data built in code (n = 600, d
 * = 8, three sites with unequal offsets and scales), and against the golden heads.
 */
class BatchedEngineTest {
  private static final Settings.Heads HEADS = new Settings.Heads(0.01, 100, 1e-6, 4);
  private static final long SEED = 20260101L;
  private static final int B = 10;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start(BatchedEngineTest.class, 2);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** (a) On the observed labels and on one permutation, the head is MLlib's (cosine >= 0.999). */
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void headsAreMllibsHeadsForTheSameLabels(int classes) {
    Data data = Data.draw(600, 8, classes, 5);
    PermutationRequest request = data.request(spark, B);
    List<BatchedHead> heads = engine(HEADS, 256).fit(request, new int[] {0, 3});
    HeadFitter fitter = new HeadFitter(HEADS);
    FittedHead observed = fitter.fit(request.train(), TaskData.Y, classes);
    FittedHead permuted = fitter.fit(data.permuted(spark, request, 3), TaskData.Y, classes);
    assertAligned(heads.get(0).directions(), observed.directions(), 0.999);
    assertAligned(heads.get(1).directions(), permuted.directions(), 0.999);
    assertThat(heads).allSatisfy(h -> assertThat(h.converged()).isTrue());
  }

  /** (b) Same permutations, same estimator: T_b within 0.01 of the MLlib loop's. */
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void statisticsMatchTheMllibLoop(int classes) {
    PermutationRequest request = Data.draw(600, 8, classes, 6).request(spark, B);
    NullDistribution batched = engine(HEADS, 256).fitNull(request);
    NullDistribution loop = new MllibLoopEngine(spark, new HeadFitter(HEADS), 100).fitNull(request);
    for (int b = 0; b < B; b++) {
      assertThat(batched.statistics()[b])
          .as("T_%d", b + 1)
          .isCloseTo(loop.statistics()[b], within(0.01));
    }
    assertThat(batched.nonConverged()).isZero();
  }

  /** (c) The input's partitioning does not matter. */
  @Test
  void statisticsDoNotDependOnInputPartitions() {
    Data data = Data.draw(600, 8, 3, 7);
    PermutationRequest one = data.request(spark, 6, 1);
    PermutationRequest four = data.request(spark, 6, 4);
    assertThat(four.train().rdd().getNumPartitions()).isEqualTo(4);
    assertSameStatistics(engine(HEADS, 256).fitNull(one), engine(HEADS, 256).fitNull(four));
  }

  /** (d) Chunks of 3 heads give what one chunk of 7 gives. */
  @Test
  void chunkingDoesNotChangeTheStatistics() {
    PermutationRequest request = Data.draw(600, 8, 2, 8).request(spark, 7);
    assertSameStatistics(engine(HEADS, 3).fitNull(request), engine(HEADS, 256).fitNull(request));
  }

  /** T_0 is permutation 0 of the same batched pass: the observed labels, the null's solver. */
  @Test
  void observedStatisticIsPermutationZeroOfTheSamePass() {
    PermutationRequest request = Data.draw(600, 8, 3, 10).request(spark, 5);
    NullDistribution nulls = engine(HEADS, 256).fitNull(request);
    BatchedHead zero = engine(HEADS, 256).fit(request, new int[] {0}).get(0);
    double t =
        Alignment.of(
                request.primaryDirections(),
                zero.directions(),
                request.projection(),
                request.metric())
            .t();
    assertThat(nulls.hasObserved()).isTrue();
    assertThat(nulls.observed()).isCloseTo(t, within(1e-9));
    assertThat(nulls.observedConverged()).isTrue();
    assertThat(nulls.permutations()).isEqualTo(5);
    assertThat(nulls.exactPValue()).isEqualTo(nulls.pValue(nulls.observed()));
  }

  /**
   * Small data on the driver: the same blocks in the same order, so with local[2]'s two partitions
   * the sums, heads and T_b are those of the distributed passes bit for bit (two partial sums
   * commute); the test allows 1e-12 so that it states what matters, not the summation order.
   */
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void driverPassesGiveTheDistributedPassesResults(int classes) {
    PermutationRequest request = Data.draw(600, 8, classes, 12).request(spark, 6, 3);
    BatchedEngine distributed = new BatchedEngine(spark, HEADS, 5, 256, ChunkStore.none(), 0);
    BatchedEngine driver = new BatchedEngine(spark, HEADS, 5, 256, ChunkStore.none(), 32);
    int[] permutations = {0, 1, 2, 3, 4, 5, 6};
    List<BatchedHead> far = distributed.fit(request, permutations);
    List<BatchedHead> near = driver.fit(request, permutations);
    for (int h = 0; h < permutations.length; h++) {
      assertClose(flatten(near.get(h)), flatten(far.get(h)), 1e-12);
      assertThat(near.get(h).solution().evaluations())
          .as("evaluations of head %d", h)
          .isEqualTo(far.get(h).solution().evaluations());
    }
    NullDistribution a = driver.fitNull(request);
    NullDistribution b = distributed.fitNull(request);
    for (int i = 0; i < a.statistics().length; i++) {
      assertThat(a.statistics()[i]).as("T_%d", i + 1).isCloseTo(b.statistics()[i], within(1e-12));
    }
    assertThat(a.observed()).isCloseTo(b.observed(), within(1e-12));
    // Passes on the driver run no Spark job: only preparing the rows and collecting them do.
    assertThat(driver.work().passes()).isEqualTo(distributed.work().passes());
  }

  /** The null's pass returns permutation 0's head: what {@code observedHead} alone fits. */
  @Test
  void nullFitCarriesPermutationZerosHead() {
    PermutationRequest request = Data.draw(600, 8, 3, 13).request(spark, 5);
    NullFit fit = engine(HEADS, 256).fitNullWithObserved(request);
    BatchedHead zero = engine(HEADS, 256).fit(request, new int[] {0}).get(0);
    assertThat(fit.observed()).isPresent();
    double[][] w = fit.observed().orElseThrow().coefficients();
    double[][] expected = zero.head().coefficients();
    for (int k = 0; k < w.length; k++) {
      assertClose(w[k], expected[k], 1e-9);
    }
    assertThat(fit.distribution().observed())
        .isCloseTo(engine(HEADS, 256).fitNull(request).observed(), within(1e-12));
  }

  /**
   * Ties: the task is constant within every stratum, so every within-stratum permutation is the
   * identity and every T_b is T_0 itself, so p = 1 exactly (with T_0 from MLlib and T_b from this
   * engine, p came out 1/(B+1) or 1 by the sign of solver noise). Refits of the same labels in
   * chunks of other sizes differ from T_0 in the last bit (dgemm's kernels depend on the column
   * count), so the engine records an identity permutation as T_0 itself.
   */
  @ParameterizedTest(name = "{0} heads per chunk")
  @ValueSource(ints = {3, 256})
  void identityPermutationsGiveAnExactPOfOne(int headsPerChunk) {
    Data data = Data.draw(600, 8, 3, 11);
    int[] bySite = new int[data.y().length];
    for (int i = 0; i < bySite.length; i++) {
      bySite[i] = data.strata()[i].charAt(5) - 'A';
    }
    Data tied = new Data(data.ids(), data.x(), bySite, data.strata(), 3);
    NullDistribution nulls = engine(HEADS, headsPerChunk).fitNull(tied.request(spark, 9));
    for (double t : nulls.statistics()) {
      assertThat(t).isEqualTo(nulls.observed());
    }
    assertThat(nulls.exactPValue()).isEqualTo(1.0);
  }

  /**
   * On ReLU-like embeddings MLlib's cold start stops at max-iter 100 unconverged; started from the
   * engine's permutation 0 it converges in a few steps to the same head (measured at n = 6000: 20
   * steps, objective gap 2e-11 against Newton's optimum).
   */
  @Test
  void mllibStartedFromPermutationZeroConvergesOnReluEmbeddings() {
    List<ReluEmbeddings.Row> rows =
        ReluEmbeddings.of(ReluEmbeddings.Shape.defaults(), 7).rows(2000);
    String[] ids = new String[rows.size()];
    double[][] x = new double[rows.size()][];
    int[] y = new int[rows.size()];
    String[] strata = new String[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = String.format("r%05d", i);
      x[i] = rows.get(i).embedding();
      y[i] = rows.get(i).scanner();
      strata[i] = "site=" + rows.get(i).site();
    }
    PermutationRequest request = new Data(ids, x, y, strata, 3).request(spark, 4);
    HeadFitter fitter = new HeadFitter(HEADS);
    assertThat(fitter.fit(request.train(), TaskData.Y, 3).converged()).isFalse();
    BatchedEngine engine = engine(HEADS, 256);
    LinearHead zero = engine.observedHead(request).orElseThrow();
    FittedHead warm = fitter.fit(request.train(), TaskData.Y, 3, Optional.of(zero));
    assertThat(warm.converged()).isTrue();
    assertThat(warm.iterations()).isLessThan(50);
    assertAligned(warm.directions(), zero.directions(), 0.99999);
    NullDistribution nulls = engine.fitNull(request);
    assertThat(nulls.observedConverged()).isTrue();
    assertThat(nulls.nonConverged()).isZero();
  }

  /** Non-converged heads are counted: with maxIter = 2 none of them converges. */
  @Test
  void headsStoppedByMaxIterAreCountedAsNotConverged() {
    PermutationRequest request = Data.draw(300, 8, 3, 9).request(spark, 4);
    NullDistribution nulls = engine(new Settings.Heads(0.01, 2, 1e-6, 4), 256).fitNull(request);
    assertThat(nulls.nonConverged()).isEqualTo(4);
    assertThat(nulls.nonConvergedShare()).isEqualTo(1.0);
    assertThat(nulls.observedConverged()).isFalse();
  }

  /**
   * The observed heads of the golden small.csv (test resources, golden/) against scikit-learn
   * (tolerance 1e-4; 2e-4 for the multinomial coefficients, whose reference stopped at ||grad|| =
   * 2.2e-5, see org.wsca.engine.GoldenHeadTest) and against the exact optimum from Newton's method
   * (1e-6).
   */
  @Test
  void goldenHeadsMatchReference() {
    GoldenSmall golden = GoldenSmall.load();
    BatchedEngine engine = engine(new Settings.Heads(GoldenSmall.LAMBDA, 200, 1e-10, 4), 256);
    BatchedHead binary =
        engine
            .fit(Data.golden(golden, golden.binary).request(spark, 1, 3, 2), new int[] {0})
            .get(0);
    assertClose(binary.head().coefficients()[0], GoldenSmall.binaryCoefficients(), 1e-4);
    assertThat(binary.head().intercepts()[0])
        .isCloseTo(GoldenSmall.binaryIntercept(), within(1e-4));
    BatchedHead categorical =
        engine
            .fit(Data.golden(golden, golden.categorical).request(spark, 1, 3, 3), new int[] {0})
            .get(0);
    double[][] expected = GoldenSmall.centredCoefficients();
    for (int k = 0; k < 3; k++) {
      assertClose(categorical.directions()[k], expected[k], 2e-4);
    }
    assertClose(categorical.head().intercepts(), GoldenSmall.categoricalIntercepts(), 1e-4);
    assertClose(
        flatten(binary),
        new NewtonLogistic(golden.features, golden.binary, 2, GoldenSmall.LAMBDA).solve(),
        1e-6);
    assertClose(
        flatten(categorical),
        new NewtonLogistic(golden.features, golden.categorical, 3, GoldenSmall.LAMBDA).solve(),
        1e-6);
  }

  /** Coefficient rows, then intercepts: NewtonLogistic's layout. */
  private static double[] flatten(BatchedHead head) {
    return flatten(head.head());
  }

  private static double[] flatten(LinearHead head) {
    double[][] rows = head.coefficients();
    int d = rows[0].length;
    double[] out = new double[rows.length * (d + 1)];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(rows[k], 0, out, k * d, d);
      out[rows.length * d + k] = head.intercepts()[k];
    }
    return out;
  }

  /**
   * Site scopes sharing passes: three requests of different sizes and classes fitted together get
   * the nulls and observed heads each gets alone, in one shared Spark job per pass (budget 0), all
   * on the driver (32 MB), and mixed (1 MB: one member on the driver, two sharing a job). Each
   * member's rows are its own two partitions, so its sums are the same bit for bit.
   */
  /**
   * Small rows are prepared on the driver (DriverRows: Spark's hash partitioning and sort redone
   * there) and pass there; with a budget of 0 both happen in Spark. Same partitions, blocks,
   * standardiser and, with the session's two partitions, the same heads bit for bit.
   */
  @ParameterizedTest(name = "{0} input partitions")
  @ValueSource(ints = {1, 3})
  void rowsPreparedOnTheDriverAreTheRowsSparkPrepares(int inputPartitions) {
    PermutationRequest request = Data.draw(500, 8, 3, 31).request(spark, 6, inputPartitions);
    int[] permutations = {0, 2, 5};
    try (BatchedRows inSpark = BatchedRows.prepare(spark, request, 0.01, 0);
        BatchedRows onDriver = BatchedRows.prepare(spark, request, 0.01, Long.MAX_VALUE)) {
      List<List<RowBlock>> a =
          inSpark.labelledOnDriver(request, permutations, inSpark.labelled(request, permutations));
      List<List<RowBlock>> b =
          onDriver.labelledOnDriver(
              request, permutations, onDriver.labelled(request, permutations));
      assertThat(b).hasSameSizeAs(a);
      assertThat(onDriver.standardizer().scales()).isEqualTo(inSpark.standardizer().scales());
      for (int p = 0; p < a.size(); p++) {
        assertThat(b.get(p)).as("partition %d", p).hasSameSizeAs(a.get(p));
        for (int k = 0; k < a.get(p).size(); k++) {
          assertSameRows(a.get(p).get(k), b.get(p).get(k), permutations.length);
        }
      }
    }
    NullFit distributed =
        new BatchedEngine(spark, HEADS, 5, 4, ChunkStore.none(), 0).fitNullWithObserved(request);
    NullFit driver =
        new BatchedEngine(spark, HEADS, 5, 4, ChunkStore.none(), 32).fitNullWithObserved(request);
    assertThat(driver.distribution().statistics())
        .isEqualTo(distributed.distribution().statistics());
    assertThat(flatten(driver.observed().orElseThrow()))
        .isEqualTo(flatten(distributed.observed().orElseThrow()));
  }

  private static void assertSameRows(RowBlock expected, RowBlock actual, int heads) {
    assertThat(actual.rows()).isEqualTo(expected.rows());
    for (int i = 0; i < expected.rows(); i++) {
      assertThat(actual.stratum(i)).isEqualTo(expected.stratum(i));
      assertThat(actual.rank(i)).isEqualTo(expected.rank(i));
      for (int h = 0; h < heads; h++) {
        assertThat(actual.label(i, h)).isEqualTo(expected.label(i, h));
      }
    }
  }

  @ParameterizedTest(name = "driver pass budget {0} MB")
  @ValueSource(ints = {0, 1, 32})
  void sitesSharingPassesGetTheHeadsEachGetsAlone(int driverPassMaxMb) {
    List<PermutationRequest> requests =
        List.of(
            Data.draw(400, 8, 3, 21).request(spark, 6, 3, 3, Scope.ofSite("A")),
            Data.draw(700, 200, 2, 22).request(spark, 6, 2, 2, Scope.ofSite("B")),
            Data.draw(800, 200, 3, 23).request(spark, 6, 1, 3, Scope.ofSite("C")));
    // Labelled rows of a chunk of 4 heads: rows x (8 d + 4 x 4 + 8) bytes, 35 kB for A, 1.14 MB
    // for B and 1.30 MB for C: with 1 MB, A passes on the driver and B and C share a Spark job.
    BatchedEngine together =
        new BatchedEngine(spark, HEADS, 5, 4, ChunkStore.none(), driverPassMaxMb).withThreads(3);
    List<NullFit> shared = together.fitNullsWithObserved(requests);
    List<Optional<LinearHead>> starts = together.observedHeads(requests);
    for (int m = 0; m < requests.size(); m++) {
      BatchedEngine alone =
          new BatchedEngine(spark, HEADS, 5, 4, ChunkStore.none(), driverPassMaxMb);
      NullFit own = alone.fitNullWithObserved(requests.get(m));
      String site = requests.get(m).scope().name();
      assertThat(shared.get(m).distribution().statistics())
          .as("T_b of %s", site)
          .isEqualTo(own.distribution().statistics());
      assertThat(shared.get(m).distribution().observed())
          .as("T_0 of %s", site)
          .isEqualTo(own.distribution().observed());
      assertThat(flatten(shared.get(m).observed().orElseThrow()))
          .as("observed head of %s", site)
          .isEqualTo(flatten(own.observed().orElseThrow()));
      assertThat(flatten(starts.get(m).orElseThrow()))
          .as("permutation 0 alone, %s", site)
          .isEqualTo(flatten(alone.observedHead(requests.get(m)).orElseThrow()));
      assertThat(shared.get(m).distribution().nonConverged()).isZero();
    }
  }

  private static BatchedEngine engine(Settings.Heads heads, int maxHeadsPerChunk) {
    return new BatchedEngine(spark, heads, 5, maxHeadsPerChunk);
  }

  private static void assertSameStatistics(NullDistribution a, NullDistribution b) {
    assertThat(a.statistics()).hasSameSizeAs(b.statistics());
    for (int i = 0; i < a.statistics().length; i++) {
      assertThat(a.statistics()[i]).as("T_%d", i + 1).isCloseTo(b.statistics()[i], within(1e-9));
    }
    assertThat(a.nonConverged()).isEqualTo(b.nonConverged());
  }

  private static void assertAligned(double[][] actual, double[][] expected, double minimum) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int k = 0; k < expected.length; k++) {
      assertThat(org.wsca.math.Vectors.cosine(actual[k], expected[k]))
          .as("direction %d", k)
          .isGreaterThanOrEqualTo(minimum);
    }
  }

  private static void assertClose(double[] actual, double[] expected, double tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(tolerance));
    }
  }

  /** Rows as ScopeAudit hands them to an engine: sample_id, features, y, stratum. */
  record Data(String[] ids, double[][] x, int[] y, String[] strata, int classes) {
    private static final StructType SCHEMA =
        new StructType()
            .add("sample_id", DataTypes.StringType)
            .add(HeadFitter.FEATURES, SQLDataTypes.VectorType())
            .add(TaskData.Y, DataTypes.DoubleType)
            .add(TaskData.STRATUM, DataTypes.StringType);

    /** Three sites with their own offsets; labels from a softmax in two features. */
    static Data draw(int n, int d, int classes, long seed) {
      Random random = new Random(seed);
      String[] ids = new String[n];
      double[][] x = new double[n][d];
      int[] y = new int[n];
      String[] strata = new String[n];
      for (int i = 0; i < n; i++) {
        int site = random.nextInt(3);
        ids[i] = String.format("s%05d", random.nextInt(100_000)) + "-" + i;
        strata[i] = "site=" + (char) ('A' + site);
        for (int j = 0; j < d; j++) {
          x[i][j] = 2.0 * j + site - 1.0 + (0.3 + 0.4 * j) * random.nextGaussian();
        }
        y[i] = label(random, x[i], d, classes);
      }
      return new Data(ids, x, y, strata, classes);
    }

    static Data golden(GoldenSmall golden, int[] labels) {
      String[] strata = new String[labels.length];
      java.util.Arrays.fill(strata, "all");
      int classes = java.util.Arrays.stream(labels).max().orElse(1) + 1;
      return new Data(golden.sampleIds, golden.features, labels, strata, classes);
    }

    private static int label(Random random, double[] x, int d, int classes) {
      double[] z = new double[classes];
      for (int c = 1; c < classes; c++) {
        z[c] = 0.8 * (x[c % d] - 2.0 * (c % d)) - 0.5 * (x[(c + 3) % d] - 2.0 * ((c + 3) % d));
      }
      double sum = 0.0;
      for (double v : z) {
        sum += Math.exp(v);
      }
      double u = random.nextDouble() * sum;
      for (int c = 0; c < classes - 1; c++) {
        u -= Math.exp(z[c]);
        if (u < 0) {
          return c;
        }
      }
      return classes - 1;
    }

    PermutationRequest request(SparkSession spark, int permutations) {
      return request(spark, permutations, 3, classes);
    }

    PermutationRequest request(SparkSession spark, int permutations, int partitions) {
      return request(spark, permutations, partitions, classes);
    }

    PermutationRequest request(
        SparkSession spark, int permutations, int partitions, int numClasses) {
      return request(spark, permutations, partitions, numClasses, Scope.pooled());
    }

    PermutationRequest request(
        SparkSession spark, int permutations, int partitions, int numClasses, Scope scope) {
      Dataset<Row> train = frame(spark, y).repartition(partitions);
      double[][] primary = new double[1][x[0].length];
      for (int j = 0; j < primary[0].length; j++) {
        primary[0][j] = Math.cos(1.0 + j);
      }
      return new PermutationRequest(
          "scanner",
          scope,
          train,
          numClasses,
          permutations,
          SEED,
          primary,
          projection(),
          Metric.COSINE);
    }

    /** The training rows with permutation b of the labels, computed here from the definition. */
    Dataset<Row> permuted(SparkSession spark, PermutationRequest request, int b) {
      Map<String, List<Integer>> byStratum = new TreeMap<>();
      for (int i = 0; i < ids.length; i++) {
        byStratum.computeIfAbsent(strata[i], s -> new ArrayList<>()).add(i);
      }
      int[] labels = new int[ids.length];
      for (Map.Entry<String, List<Integer>> e : byStratum.entrySet()) {
        List<Integer> rows = e.getValue();
        rows.sort(Comparator.comparing(i -> ids[i]));
        int[] original = rows.stream().mapToInt(i -> y[i]).toArray();
        int[] permuted =
            Permutations.permuteLabels(
                original, request.seed(), request.task(), request.scope().name(), e.getKey(), b);
        for (int r = 0; r < rows.size(); r++) {
          labels[rows.get(r)] = permuted[r];
        }
      }
      return frame(spark, labels);
    }

    private Dataset<Row> frame(SparkSession spark, int[] labels) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        rows.add(RowFactory.create(ids[i], Vectors.dense(x[i]), (double) labels[i], strata[i]));
      }
      return spark.createDataFrame(rows, SCHEMA);
    }

    /** PCA on the top 5 components of the rows' covariance. */
    private Projection projection() {
      CovarianceState state = new CovarianceState(x[0].length);
      for (double[] row : x) {
        state.add(row);
      }
      int k = Math.min(5, x[0].length);
      return Projection.pca(SymmetricEigen.decompose(state.covariance()), k);
    }
  }
}
