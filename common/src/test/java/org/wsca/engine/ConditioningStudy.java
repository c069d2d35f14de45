package org.wsca.engine;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wsca.demo.ReluEmbeddings;

/**
 * Not a test: how far each optimiser gets on ReLU-like embeddings ({@link ReluEmbeddings}), against
 * the exact optimum from Newton's method in raw coordinates ({@link NewtonLogistic}). For each task
 * it prints the objective gap f - f*, the smallest cosine between a fitted direction and the
 * optimum's, the steps taken and the status, for MLlib (max-iter 100 and 1000, and warm-started
 * from the batched engine's solution) and for the batched engine with MLlib's coordinates and with
 * the regularised ones. Run with the test classpath and the module flags: {@code java <opens> -cp
 * <test classpath> org.wsca.engine.ConditioningStudy [n [seed [mllib]]]}.
 */
public final class ConditioningStudy {
  private static final double LAMBDA = 0.01;
  private static final double TOL = 1e-6;

  private ConditioningStudy() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 7L;
    boolean mllib = args.length <= 2 || args[2].equals("mllib");
    ReluEmbeddings generator = ReluEmbeddings.of(ReluEmbeddings.Shape.defaults(), seed);
    List<ReluEmbeddings.Row> rows = generator.rows(n);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = rows.get(i).embedding();
    }
    System.out.println("BLAS: " + BLAS.getInstance().getClass().getName());
    describe(x);
    SparkSession spark = mllib ? session() : null;
    task("label", x, labels(rows, 0), generator.shape().classes(), spark);
    task("scanner", x, labels(rows, 1), generator.shape().scanners(), spark);
    task("noise", x, labels(rows, 2), 2, spark);
    if (spark != null) {
      spark.stop();
    }
  }

  private static void task(String name, double[][] x, int[] y, int classes, SparkSession spark) {
    HeadShape shape = new HeadShape(x[0].length, classes);
    long start = System.nanoTime();
    double[] optimum = new NewtonLogistic(x, y, classes, LAMBDA).solve();
    Evaluator raw = new Evaluator(x, y, shape);
    double best = raw.value(optimum);
    System.out.printf(
        "%n== task %s (C=%d): f* = %.9f, |grad f*| = %.2e (Newton, %.1f s)%n",
        name, classes, best, raw.gradientNorm(optimum), seconds(start));
    double[][] truth = directions(shape, optimum);
    FeatureMoments moments = new FeatureMoments();
    for (double[] row : x) {
      moments.add(row);
    }
    Standardizer mllibLike = moments.standardizer();
    double[] warm = null;
    for (double c : new double[] {0.0, 1.0, 4.0}) {
      Standardizer s = c == 0.0 ? mllibLike : moments.standardizer().regularised(LAMBDA, c);
      for (int maxIter : new int[] {100, 1000}) {
        long t0 = System.nanoTime();
        HeadSolution solution = engine(x, y, shape, s, maxIter);
        double[] point = BatchLbfgsTest.flatten(s.toRaw(shape, solution.point()));
        report(
            String.format("batched c=%.0f max-iter %d", c, maxIter),
            raw,
            point,
            best,
            truth,
            shape,
            solution.iterations() + " steps, " + solution.evaluations() + " passes",
            solution.status().toString(),
            seconds(t0));
        if (c == 4.0 && maxIter == 100) {
          warm = point;
        }
      }
    }
    if (spark == null) {
      return;
    }
    Dataset<Row> train = dataset(spark, x, y).cache();
    train.count();
    for (int maxIter : new int[] {100, 1000}) {
      mllib(spark, train, raw, best, truth, shape, maxIter, null);
    }
    mllib(spark, train, raw, best, truth, shape, 100, warm);
    train.unpersist();
  }

  private static void mllib(
      SparkSession spark,
      Dataset<Row> train,
      Evaluator raw,
      double best,
      double[][] truth,
      HeadShape shape,
      int maxIter,
      double[] warm) {
    LogisticRegression estimator =
        new LogisticRegression()
            .setFamily(shape.binary() ? "binomial" : "multinomial")
            .setRegParam(LAMBDA)
            .setElasticNetParam(0.0)
            .setStandardization(false)
            .setFitIntercept(true)
            .setMaxIter(maxIter)
            .setTol(TOL);
    if (warm != null) {
      estimator.setInitialModel(model(shape, warm));
    }
    long t0 = System.nanoTime();
    LogisticRegressionModel model = estimator.fit(train);
    double seconds = seconds(t0);
    int steps = model.summary().totalIterations();
    report(
        "mllib " + (warm == null ? "" : "warm-started ") + "max-iter " + maxIter,
        raw,
        point(shape, model),
        best,
        truth,
        shape,
        steps + " steps",
        steps < maxIter ? "converged" : "MAX_ITERATIONS",
        seconds);
  }

  private static void report(
      String what,
      Evaluator raw,
      double[] point,
      double best,
      double[][] truth,
      HeadShape shape,
      String steps,
      String status,
      double seconds) {
    double[][] fitted = directions(shape, point);
    double min = 1.0;
    for (int k = 0; k < truth.length; k++) {
      min = Math.min(min, org.wsca.math.Vectors.cosine(fitted[k], truth[k]));
    }
    System.out.printf(
        "%-34s f-f* %.3e  min cos %.6f  |grad| %.2e  %s, %s, %.1f s%n",
        what, raw.value(point) - best, min, raw.gradientNorm(point), steps, status, seconds);
  }

  private static HeadSolution engine(
      double[][] x, int[] y, HeadShape shape, Standardizer s, int maxIter) {
    List<RowBlock> blocks = blocks(x, y, s);
    BlockObjective objective =
        new BlockObjective(blocks, new PenalisedLoss(shape, s.penaltyWeights(LAMBDA), x.length));
    long[] counts = new long[shape.classes()];
    for (int label : y) {
      counts[label]++;
    }
    return new BatchLbfgs(BatchLbfgs.Options.mllib(maxIter, TOL))
        .minimize(objective, new double[][] {shape.start(counts)}, p -> {})
        .get(0);
  }

  static List<RowBlock> blocks(double[][] x, int[] y, Standardizer s) {
    List<RowBlock> blocks = new ArrayList<>();
    RowBlock.Builder builder = RowBlock.builder(x[0].length);
    int first = 0;
    for (int i = 0; i < x.length; i++) {
      builder.add(x[i], s, 0, i);
      if (builder.isFull() || i == x.length - 1) {
        RowBlock block = builder.build();
        blocks.add(block.withLabels(java.util.Arrays.copyOfRange(y, first, i + 1), 1));
        first = i + 1;
      }
    }
    return blocks;
  }

  /** The penalised objective and its gradient in raw coordinates. */
  static final class Evaluator {
    private final BlockObjective objective;

    Evaluator(double[][] x, int[] y, HeadShape shape) {
      this(x, y, shape, LAMBDA);
    }

    Evaluator(double[][] x, int[] y, HeadShape shape, double lambda) {
      Standardizer identity = Standardizer.identity(x[0].length);
      objective =
          new BlockObjective(
              blocks(x, y, identity),
              new PenalisedLoss(shape, identity.penaltyWeights(lambda), x.length));
    }

    double value(double[] point) {
      return objective.evaluate(new int[] {0}, new double[][] {point}).values()[0];
    }

    double gradientNorm(double[] point) {
      return Dense.norm(objective.evaluate(new int[] {0}, new double[][] {point}).gradients()[0]);
    }
  }

  /** Binary: the coefficient vector; multinomial: the centred class vectors. */
  static double[][] directions(HeadShape shape, double[] point) {
    int d = shape.dimension();
    double[][] rows = new double[shape.columns()][d];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(point, k * d, rows[k], 0, d);
    }
    return shape.binary() ? rows : org.wsca.math.Vectors.centreRows(rows);
  }

  private static double[] point(HeadShape shape, LogisticRegressionModel model) {
    int d = shape.dimension();
    double[] out = new double[shape.size()];
    if (shape.binary()) {
      System.arraycopy(model.coefficients().toArray(), 0, out, 0, d);
      out[d] = model.intercept();
      return out;
    }
    for (int k = 0; k < shape.classes(); k++) {
      for (int j = 0; j < d; j++) {
        out[k * d + j] = model.coefficientMatrix().apply(k, j);
      }
      out[shape.interceptOffset() + k] = model.interceptVector().apply(k);
    }
    return out;
  }

  private static LogisticRegressionModel model(HeadShape shape, double[] point) {
    int d = shape.dimension();
    int k = shape.columns();
    double[] values = new double[k * d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        values[j * k + c] = point[c * d + j]; // column-major k x d
      }
    }
    double[] intercepts = java.util.Arrays.copyOfRange(point, k * d, k * d + k);
    return new LogisticRegressionModel(
        "warm",
        new DenseMatrix(k, d, values),
        Vectors.dense(intercepts),
        shape.classes(),
        !shape.binary());
  }

  private static Dataset<Row> dataset(SparkSession spark, double[][] x, int[] y) {
    StructType schema =
        new StructType()
            .add("features", SQLDataTypes.VectorType())
            .add("label", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      rows.add(RowFactory.create(Vectors.dense(x[i]), (double) y[i]));
    }
    return spark.createDataFrame(rows, schema).repartition(2);
  }

  private static int[] labels(List<ReluEmbeddings.Row> rows, int which) {
    int[] out = new int[rows.size()];
    for (int i = 0; i < out.length; i++) {
      ReluEmbeddings.Row r = rows.get(i);
      out[i] = which == 0 ? r.label() : which == 1 ? r.scanner() : r.noise();
    }
    return out;
  }

  private static void describe(double[][] x) {
    FeatureMoments moments = new FeatureMoments();
    for (double[] row : x) {
      moments.add(row);
    }
    double[] sd = moments.standardizer().scales();
    int d = sd.length;
    StringBuilder line = new StringBuilder("unit sd / share non-zero:");
    for (int j = 0; j < d; j++) {
      int nonZero = 0;
      for (double[] row : x) {
        nonZero += row[j] != 0.0 ? 1 : 0;
      }
      line.append(String.format(" %d:%.1e/%.4f", j, sd[j], (double) nonZero / x.length));
    }
    System.out.println(line);
  }

  private static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("ConditioningStudy")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
