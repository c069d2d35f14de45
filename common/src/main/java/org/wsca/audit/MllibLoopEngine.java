package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.math.PermutationDesign;
import org.wsca.method.NullDistribution;
import org.wsca.resume.ChunkStore;

/**
 * The reference engine: one full MLlib fit per permutation. Slow (every fit is a distributed
 * optimisation), but it is the observed head's own estimator, so it is the baseline any faster
 * engine is checked and benchmarked against. Permutations are persisted to the run's {@link
 * ChunkStore} in chunks of {@code chunkSize}, so a re-run of a failed run resumes.
 */
public final class MllibLoopEngine implements PermutationEngine {
  private static final Logger LOG = LoggerFactory.getLogger(MllibLoopEngine.class);
  private static final String PERMUTED = "y_permuted";

  private final SparkSession spark;
  private final HeadFitter fitter;
  private final int progressEvery;
  private final int chunkSize;
  private final ChunkStore chunks;

  public MllibLoopEngine(SparkSession spark, HeadFitter fitter, int progressEvery) {
    this(spark, fitter, progressEvery, Integer.MAX_VALUE, ChunkStore.none());
  }

  public MllibLoopEngine(
      SparkSession spark, HeadFitter fitter, int progressEvery, int chunkSize, ChunkStore chunks) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize is " + chunkSize + "; it must be at least 1");
    }
    this.spark = spark;
    this.fitter = fitter;
    this.progressEvery = progressEvery;
    this.chunkSize = chunkSize;
    this.chunks = chunks;
  }

  @Override
  public NullDistribution fitNull(PermutationRequest request) {
    Dataset<Row> ranked = ranked(request.train()).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      PermutationDesign design = request.designOrCollect();
      Progress progress = new Progress(request, progressEvery);
      NullChunks nulls = new NullChunks(request, chunks);
      int total = request.permutations();
      // From 0: permutation 0 (the observed labels) is refitted like the others, for an exact p.
      for (int from = 0, to; from <= total; from = to + 1) {
        to = (int) Math.min((long) from + chunkSize - 1, total);
        if (nulls.restore(from, to)) {
          continue;
        }
        for (int b = from; b <= to; b++) {
          if (b > 0
              && design.isIdentity(request.seed(), request.task(), request.scope().name(), b)) {
            nulls.recordAsObserved(b);
            continue;
          }
          SparkPhase.label(
              spark,
              "permutation "
                  + b
                  + "/"
                  + total
                  + " task="
                  + request.task()
                  + " "
                  + request.scope().name());
          FittedHead head = fitPermuted(ranked, design, request, b);
          nulls.record(b, request.statistic(head.directions()), head.converged());
          progress.done(b, nulls.nonConvergedSoFar());
        }
        nulls.completed(from, to);
      }
      return nulls.distribution();
    } finally {
      ranked.unpersist();
    }
  }

  private static Dataset<Row> ranked(Dataset<Row> train) {
    return train.withColumn(TaskData.RANK, StrataLabels.rank());
  }

  private FittedHead fitPermuted(
      Dataset<Row> ranked, PermutationDesign design, PermutationRequest request, int b) {
    int[][] permuted = design.permuted(request.seed(), request.task(), request.scope().name(), b);
    Broadcast<int[][]> labels = new JavaSparkContext(spark.sparkContext()).broadcast(permuted);
    try {
      Map<String, Integer> position = StrataLabels.positions(design.strata());
      UDF2<String, Integer, Double> lookup = (s, r) -> (double) labels.value()[position.get(s)][r];
      Dataset<Row> data =
          ranked.withColumn(
              PERMUTED,
              udf(lookup, DataTypes.DoubleType).apply(col(TaskData.STRATUM), col(TaskData.RANK)));
      return fitter.fit(data, PERMUTED, request.numClasses());
    } finally {
      labels.destroy();
    }
  }

  /** Logs permutations done of total with an ETA, every {@code every} permutations. */
  private static final class Progress {
    private final PermutationRequest request;
    private final int every;
    private final long start = System.nanoTime();

    Progress(PermutationRequest request, int every) {
      this.request = request;
      this.every = every;
    }

    void done(int b, int nonConverged) {
      int total = request.permutations();
      if (b == 0 || (b % every != 0 && b != total)) {
        return;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      double eta = elapsed / b * (total - b);
      LOG.info(
          String.format(
              "task=%s %s permutations %d/%d, elapsed %.1f s, ETA %.1f s," + " non-converged %d",
              request.task(), request.scope().name(), b, total, elapsed, eta, nonConverged));
    }
  }
}
