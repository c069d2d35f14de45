package org.wsca.engine;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.wsca.audit.BatchedEngine;
import org.wsca.audit.HeadFitter;
import org.wsca.audit.MllibLoopEngine;
import org.wsca.audit.PermutationEngine;
import org.wsca.audit.PermutationRequest;
import org.wsca.math.Metric;
import org.wsca.math.Projection;
import org.wsca.method.NullDistribution;
import org.wsca.method.Scope;
import org.wsca.settings.Settings;

/**
 * Not a test: seconds per permuted head of the batched engine and of the MLlib loop, on synthetic
 * data (default n = 3200, d = 64, C = 3, B = 40, local[2]). Run with the test classpath and the
 * module flags of spark-recipes.md: {@code java <opens> -cp <test classpath>
 * org.wsca.engine.EngineTiming [n d C B [batched-only]]}.
 */
public final class EngineTiming {
  private EngineTiming() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3200;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int classes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int b = args.length > 3 ? Integer.parseInt(args[3]) : 40;
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("EngineTiming")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    System.out.println("BLAS: " + BLAS.getInstance().getClass().getName());
    Settings.Heads heads = new Settings.Heads(0.01, 100, 1e-6, 4);
    PermutationRequest request = request(spark, n, d, classes, b);
    request.train().count();
    warmUp(spark, heads, request);
    double batched = time("batched", new BatchedEngine(spark, heads, 1000, 256), request);
    if (args.length > 4 && args[4].equals("batched-only")) {
      System.out.printf(
          "n=%d d=%d C=%d B=%d: batched %.3f s/head%n", n, d, classes, b, batched / b);
      spark.stop();
      return;
    }
    double loop =
        time("mllib-loop", new MllibLoopEngine(spark, new HeadFitter(heads), 1000), request);
    System.out.printf(
        "n=%d d=%d C=%d B=%d: batched %.3f s/head, mllib-loop %.3f s/head," + " speed-up %.1fx%n",
        n, d, classes, b, batched / b, loop / b, loop / batched);
    spark.stop();
  }

  /** Two heads through each engine first, so neither timing pays the JVM's and Spark's start. */
  private static void warmUp(SparkSession spark, Settings.Heads heads, PermutationRequest r) {
    PermutationRequest two =
        new PermutationRequest(
            r.task(),
            r.scope(),
            r.train(),
            r.numClasses(),
            2,
            r.seed(),
            r.primaryDirections(),
            r.projection(),
            r.metric());
    new BatchedEngine(spark, heads, 1000, 256).fitNull(two);
    new MllibLoopEngine(spark, new HeadFitter(heads), 1000).fitNull(two);
  }

  private static double time(String name, PermutationEngine engine, PermutationRequest request) {
    long start = System.nanoTime();
    NullDistribution nulls = engine.fitNull(request);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s: %.1f s for %d heads, non-converged %d, mean T %.4f%n",
        name, seconds, nulls.permutations(), nulls.nonConverged(), nulls.summary().mean());
    return seconds;
  }

  private static PermutationRequest request(
      SparkSession spark, int n, int d, int classes, int permutations) {
    Random random = new Random(1);
    StructType schema =
        new StructType()
            .add("sample_id", DataTypes.StringType)
            .add(HeadFitter.FEATURES, SQLDataTypes.VectorType())
            .add("y", DataTypes.DoubleType)
            .add("stratum", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = random.nextGaussian() * (0.5 + j % 5) + j % 3;
      }
      int y = Math.floorMod((int) Math.floor(x[0] + x[1] + random.nextGaussian()), classes);
      rows.add(RowFactory.create("s" + i, Vectors.dense(x), (double) y, "site=" + (i % 3)));
    }
    Dataset<Row> train =
        spark.createDataFrame(rows, schema).repartition(2).persist(StorageLevel.MEMORY_AND_DISK());
    double[][] primary = new double[1][d];
    double[][] identity = new double[d][d];
    for (int j = 0; j < d; j++) {
      primary[0][j] = Math.sin(j + 1.0);
      identity[j][j] = 1.0;
    }
    return new PermutationRequest(
        "scanner",
        Scope.pooled(),
        train,
        classes,
        permutations,
        7L,
        primary,
        Projection.none(identity),
        Metric.COSINE);
  }
}
