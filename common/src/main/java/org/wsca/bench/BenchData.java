package org.wsca.bench;

import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wsca.audit.HeadFitter;
import org.wsca.audit.PermutationRequest;
import org.wsca.audit.TaskData;
import org.wsca.input.Canonical;
import org.wsca.math.Metric;
import org.wsca.math.Projection;
import org.wsca.method.Scope;

/**
 * A metadata task's training rows as the engines receive them, generated inside the partitions: row
 * i is a pure function of (seed, i), so the data does not depend on the partitioning. Each row has
 * a site (one of {@value #SITES}, the permutation stratum), d standard normal features shifted by
 * 0.25 x site, and a label drawn from a softmax on its first C features (class c scores 1.5 x_c
 * plus Gumbel noise), so the observed labels are learnable; the permuted heads, which are what is
 * timed, fit noise.
 */
final class BenchData {
  static final int SITES = 4;
  static final String TASK = "bench";
  private static final StructType SCHEMA =
      new StructType()
          .add(Canonical.SAMPLE_ID, DataTypes.StringType)
          .add(HeadFitter.FEATURES, SQLDataTypes.VectorType())
          .add(TaskData.Y, DataTypes.DoubleType)
          .add(TaskData.STRATUM, DataTypes.StringType);

  private BenchData() {}

  static Dataset<Row> generate(SparkSession spark, GridPoint point, long seed) {
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
    JavaRDD<Row> rows =
        new JavaSparkContext(spark.sparkContext())
            .parallelize(IntStream.range(0, partitions).boxed().toList(), partitions)
            .flatMap(p -> rows(point, seed, range(point.rows(), partitions, p)));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** The request both engines get: T against one fixed primary direction, in the full space. */
  static PermutationRequest request(
      Dataset<Row> train, GridPoint point, int permutations, long seed) {
    int d = point.dimension();
    double[][] primary = new double[1][d];
    double[][] identity = new double[d][d];
    for (int j = 0; j < d; j++) {
      primary[0][j] = Math.cos(1.0 + j);
      identity[j][j] = 1.0;
    }
    return new PermutationRequest(
        TASK,
        Scope.pooled(),
        train,
        point.classes(),
        permutations,
        seed,
        primary,
        Projection.none(identity),
        Metric.COSINE);
  }

  private static long[] range(long n, int partitions, int p) {
    return new long[] {n * p / partitions, n * (p + 1) / partitions};
  }

  private static Iterator<Row> rows(GridPoint point, long seed, long[] range) {
    return LongStream.range(range[0], range[1]).mapToObj(i -> row(point, seed, i)).iterator();
  }

  static Row row(GridPoint point, long seed, long i) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int site = random.nextInt(SITES);
    double[] x = new double[point.dimension()];
    for (int j = 0; j < x.length; j++) {
      x[j] = random.nextGaussian() + 0.25 * site;
    }
    return RowFactory.create(
        String.format("r%010d", i),
        Vectors.dense(x),
        (double) label(random, x, point.classes()),
        "site=" + site);
  }

  private static int label(SplittableRandom random, double[] x, int classes) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      double gumbel = -Math.log(-Math.log(random.nextDouble(Double.MIN_VALUE, 1.0)));
      double score = 1.5 * x[c % x.length] + gumbel;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }
}
