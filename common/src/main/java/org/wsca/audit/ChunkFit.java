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

  /** Each member's heads of the chunk in raw coordinates, and the optimiser work they took. */
  record Fitted(List<List<BatchedHead>> heads, Work work) {}

  private final SparkSession spark;
  private final Settings.Heads heads;
  private final long driverPassMaxBytes;
  private final BlasSetting blas;
  private final int threads;

  /** {@code threads}: members whose rows are labelled and collected at the same time. */
  ChunkFit(
      SparkSession spark,
      Settings.Heads heads,
      long driverPassMaxBytes,
      BlasSetting blas,
      int threads) {
    this.spark = spark;
    this.heads = heads;
    this.driverPassMaxBytes = driverPassMaxBytes;
    this.blas = blas;
    this.threads = threads;
  }

  /**
   * Fits the heads of {@code permutations} for every member (the same task in several scopes: rows
   * and request m) in one batch: one optimiser, and each pass evaluates every member.
   */
  Fitted fit(
      List<BatchedRows> rows,
      List<PermutationRequest> requests,
      int[] permutations,
      BatchLbfgs.Listener listener) {
    PermutationRequest first = requests.get(0);
    SparkPhase.label(
        spark,
        "permutation batch "
            + permutations[0]
            + "-"
            + permutations[permutations.length - 1]
            + "/"
            + first.permutations()
            + " task="
            + first.task()
            + " "
            + BatchedEngine.scopes(requests));
    int members = rows.size();
    int h = permutations.length;
    List<JavaRDD<RowBlock>> labelled = new ArrayList<>();
    try {
      double[][] starts = new double[members * h][];
      for (int m = 0; m < members; m++) {
        labelled.add(rows.get(m).labelled(requests.get(m), permutations));
        Arrays.fill(
            starts, m * h, (m + 1) * h, rows.get(m).shape().start(rows.get(m).classCounts()));
      }
      List<HeadSolution> solutions =
          new BatchLbfgs(options(heads))
              .minimize(pass(rows, requests, permutations, labelled), starts, listener);
      List<List<BatchedHead>> out = new ArrayList<>();
      for (int m = 0; m < members; m++) {
        List<HeadSolution> own = solutions.subList(m * h, (m + 1) * h);
        warnNonConverged(requests.get(m), permutations, own);
        out.add(
            rawHeads(
                rows.get(m),
                permutations,
                own,
                rows.get(m).identities(requests.get(m), permutations)));
      }
      return new Fitted(out, Work.of(solutions));
    } finally {
      labelled.forEach(l -> l.unpersist(false));
    }
  }

  /**
   * Each member on the driver when its labelled rows fit the driver-pass budget; the others one
   * Spark job per pass, shared by all of them.
   */
  private BatchObjective pass(
      List<BatchedRows> rows,
      List<PermutationRequest> requests,
      int[] permutations,
      List<JavaRDD<RowBlock>> labelled) {
    int heads = permutations.length;
    List<Integer> members = java.util.stream.IntStream.range(0, rows.size()).boxed().toList();
    // Each member decides as it would alone: below the budget its passes cost arithmetic only,
    // above it one Spark job per pass, shared when more than one member needs one; the driver
    // then holds up to members x the budget.
    List<Integer> distributed =
        members.stream()
            .filter(m -> rows.get(m).labelledBytes(heads) > driverPassMaxBytes)
            .toList();
    boolean shareJob = distributed.size() > 1;
    List<PenalisedLoss> losses =
        members.stream().map(m -> rows.get(m).loss(this.heads.regParam())).toList();
    // Driver members collect their blocks (one small job each) at the same time.
    List<BatchObjective> alone =
        Concurrently.map(
            members,
            threads,
            m -> {
              if (!distributed.contains(m)) {
                return DriverPass.of(
                    rows.get(m).labelledOnDriver(requests.get(m), permutations, labelled.get(m)),
                    losses.get(m),
                    blas);
              }
              return shareJob
                  ? null
                  : new BatchedPass(context(), labelled.get(m), losses.get(m), blas);
            });
    if (rows.size() == 1) {
      return alone.get(0);
    }
    SharedPass shared =
        shareJob
            ? new SharedPass(
                context(),
                distributed.stream().map(labelled::get).toList(),
                distributed.stream().map(losses::get).toList(),
                blas)
            : null;
    return new MemberBatch(heads, alone, shared);
  }

  private JavaSparkContext context() {
    return new JavaSparkContext(spark.sparkContext());
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
