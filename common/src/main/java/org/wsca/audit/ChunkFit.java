package org.wsca.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.blas.BlasSetting;
import org.wsca.engine.BatchLbfgs;
import org.wsca.engine.BatchObjective;
import org.wsca.engine.HeadSolution;
import org.wsca.engine.HeadStatus;
import org.wsca.engine.PenalisedLoss;
import org.wsca.engine.RowBlock;
import org.wsca.engine.Work;
import org.wsca.settings.Settings;

/**
 * One chunk of {@link BatchedEngine}: the heads of its permutations fitted together, each pass on
 * the driver ({@link DriverPass}) when the chunk's labelled rows are small enough, else one Spark
 * job ({@link BatchedPass}).
 */
final class ChunkFit {
  private static final Logger LOG = LoggerFactory.getLogger(ChunkFit.class);

  /** The chunk's heads in raw coordinates, and the optimiser work they took. */
  record Fitted(List<BatchedHead> heads, Work work) {}

  private final SparkSession spark;
  private final Settings.Heads heads;
  private final long driverPassMaxBytes;
  private final BlasSetting blas;

  ChunkFit(SparkSession spark, Settings.Heads heads, long driverPassMaxBytes, BlasSetting blas) {
    this.spark = spark;
    this.heads = heads;
    this.driverPassMaxBytes = driverPassMaxBytes;
    this.blas = blas;
  }

  /** Fits the heads of {@code permutations} in one batch over {@code rows}. */
  Fitted fit(
      BatchedRows rows,
      PermutationRequest request,
      int[] permutations,
      BatchLbfgs.Listener listener) {
    SparkPhase.label(
        spark,
        "permutation batch "
            + permutations[0]
            + "-"
            + permutations[permutations.length - 1]
            + "/"
            + request.permutations()
            + " task="
            + request.task()
            + " "
            + request.scope().name());
    JavaRDD<RowBlock> labelled = rows.labelled(request, permutations);
    try {
      BatchObjective pass = pass(rows, labelled, permutations.length);
      double[][] starts = new double[permutations.length][];
      Arrays.fill(starts, rows.shape().start(rows.classCounts()));
      List<HeadSolution> solutions =
          new BatchLbfgs(options(heads)).minimize(pass, starts, listener);
      warnNonConverged(request, permutations, solutions);
      return new Fitted(
          rawHeads(rows, permutations, solutions, rows.identities(request, permutations)),
          Work.of(solutions));
    } finally {
      labelled.unpersist(false);
    }
  }

  /** On the driver when the chunk's labelled rows are small enough, else one job per pass. */
  private BatchObjective pass(BatchedRows rows, JavaRDD<RowBlock> labelled, int heads) {
    PenalisedLoss loss = rows.loss(this.heads.regParam());
    if (rows.labelledBytes(heads) <= driverPassMaxBytes) {
      return DriverPass.collect(labelled, loss, blas);
    }
    return new BatchedPass(new JavaSparkContext(spark.sparkContext()), labelled, loss, blas);
  }

  private static List<BatchedHead> rawHeads(
      BatchedRows rows, int[] permutations, List<HeadSolution> solutions, boolean[] identity) {
    List<BatchedHead> out = new ArrayList<>();
    for (int h = 0; h < permutations.length; h++) {
      HeadSolution solution = solutions.get(h);
      out.add(
          new BatchedHead(
              permutations[h],
              rows.standardizer().toRaw(rows.shape(), solution.point()),
              solution,
              permutations[h] > 0 && identity[h]));
    }
    return out;
  }

  /** The optimiser's options for heads with these settings: MLlib's stopping rule. */
  static BatchLbfgs.Options options(Settings.Heads heads) {
    return BatchLbfgs.Options.mllib(heads.maxIter(), heads.tol());
  }

  private static void warnNonConverged(
      PermutationRequest request, int[] permutations, List<HeadSolution> solutions) {
    Map<HeadStatus, Integer> counts = new EnumMap<>(HeadStatus.class);
    for (HeadSolution s : solutions) {
      if (!s.converged()) {
        counts.merge(s.status(), 1, Integer::sum);
      }
    }
    if (!counts.isEmpty()) {
      LOG.warn(
          "task={} {}: permuted heads {}-{}: not converged {}",
          request.task(),
          request.scope().name(),
          permutations[0],
          permutations[permutations.length - 1],
          counts);
    }
  }
}
