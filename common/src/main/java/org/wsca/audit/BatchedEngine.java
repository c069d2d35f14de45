package org.wsca.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.blas.BlasSetting;
import org.wsca.engine.BatchLbfgs;
import org.wsca.engine.ChunkPlan;
import org.wsca.engine.LinearHead;
import org.wsca.engine.RowBlock;
import org.wsca.engine.Work;
import org.wsca.method.NullDistribution;
import org.wsca.resume.ChunkStore;
import org.wsca.settings.Settings;

/**
 * Fits the B permuted heads of one (task, scope) together. Every optimiser iteration is one Spark
 * job over the cached rows that evaluates the loss and gradient of all still-active heads with two
 * level-3 BLAS calls per block of rows ({@link org.wsca.engine.LogisticBatch}); the heads are H
 * independent L-BFGS optimisations on the driver ({@link BatchLbfgs}) that leave the batch as they
 * converge. The estimator is {@link HeadFitter}'s: MLlib's objective (mean logistic loss +
 * regParam/2 ||w||^2 on the raw coefficients, unpenalised intercept), optimised in centred
 * coordinates scaled by sqrt(sd_j^2 + 4 regParam) ({@link FeatureMoments#conditioned}: unlike
 * MLlib's sd_j, they stay well-conditioned when ReLU units are dead or nearly so) from MLlib's
 * starting point, and stopped by MLlib's own convergence test (see {@link BatchLbfgs}). Heads that
 * stop for any other reason (maxIter steps, a cap of 3 maxIter + 1 passes, a failed line search)
 * count in {@link NullDistribution#nonConverged()}. Small chunks (at most {@code driverPassMaxMb}
 * of labelled rows) are collected once and evaluated on the driver ({@link DriverPass}): the same
 * arithmetic without a Spark job per pass, which is most of a pass's cost at a few thousand rows.
 *
 * <p>Permutation b of stratum s is {@code Permutations.permuteLabels(labels of s in sample_id
 * order, seed, task, scope, s, b)}, as in {@link MllibLoopEngine}; the permutations are computed
 * inside the partitions from the broadcast unpermuted labels ({@link org.wsca.engine.BlockLabels}).
 * The rows are re-spread by sample_id over the default parallelism and sorted inside each
 * partition, so results do not depend on the input's partitioning; the cluster size changes only
 * the floating-point summation order.
 *
 * <p>Memory, with n rows, P = default parallelism partitions, d features, K = 1 (two classes) or C
 * coefficient vectors per head, p = K (d + 1) parameters per head, H heads per chunk:
 *
 * <ul>
 *   <li>executors, cached: rows 8 d bytes each (blocks of up to {@value RowBlock#MAX_ROWS}) plus 8
 *       bytes for stratum and rank; labels 4 H bytes per row for the current chunk;
 *   <li>per task and pass: the gradient sums 8 H p bytes, the score workspace 8 x {@value
 *       RowBlock#MAX_ROWS} x H K bytes, the broadcast trial points 8 H p bytes;
 *   <li>driver: L-BFGS memory 2 m H p doubles (m = 10) plus about 6 H p for points, gradients and
 *       trial points; the tree reduction sends it 8 H p bytes per partial sum.
 * </ul>
 *
 * H is {@code maxHeadsPerChunk} or fewer when a chunk would outgrow the budgets of {@link
 * ChunkPlan} (512 MB of driver state, 256 MB per task).
 *
 * <p>Each finished chunk of {@link #fitNull} is persisted to the run's {@link ChunkStore}; a re-run
 * of the same run id restores those chunks instead of refitting them ({@link NullChunks}).
 */
public final class BatchedEngine implements PermutationEngine {
  public static final int DEFAULT_MAX_HEADS_PER_CHUNK = 256;
  private static final Logger LOG = LoggerFactory.getLogger(BatchedEngine.class);

  private final SparkSession spark;
  private final Settings.Heads heads;
  private final int progressEvery;
  private final int maxHeadsPerChunk;
  private final ChunkStore chunks;
  private final long driverPassMaxBytes;
  private BlasSetting blas = BlasSetting.DEFAULT;
  private int threads = 1;
  private Work work = Work.NONE;

  public BatchedEngine(
      SparkSession spark, Settings.Heads heads, int progressEvery, int maxHeadsPerChunk) {
    this(spark, heads, progressEvery, maxHeadsPerChunk, ChunkStore.none());
  }

  public BatchedEngine(
      SparkSession spark,
      Settings.Heads heads,
      int progressEvery,
      int maxHeadsPerChunk,
      ChunkStore chunks) {
    this(spark, heads, progressEvery, maxHeadsPerChunk, chunks, 0);
  }

  /**
   * {@code driverPassMaxMb}: a chunk whose labelled rows take at most this many MB runs its passes
   * on the driver ({@link DriverPass}) instead of one Spark job each; 0 = always distributed.
   */
  public BatchedEngine(
      SparkSession spark,
      Settings.Heads heads,
      int progressEvery,
      int maxHeadsPerChunk,
      ChunkStore chunks,
      int driverPassMaxMb) {
    if (driverPassMaxMb < 0) {
      throw new IllegalArgumentException(
          "driverPassMaxMb is " + driverPassMaxMb + "; it must be >= 0 (0 = always distributed)");
    }
    if (maxHeadsPerChunk < 1) {
      throw new IllegalArgumentException(
          "maxHeadsPerChunk is "
              + maxHeadsPerChunk
              + "; it must be at least 1 (default "
              + DEFAULT_MAX_HEADS_PER_CHUNK
              + ")");
    }
    this.spark = spark;
    this.heads = heads;
    this.progressEvery = progressEvery;
    this.maxHeadsPerChunk = maxHeadsPerChunk;
    this.chunks = chunks;
    this.driverPassMaxBytes = driverPassMaxMb * 1024L * 1024L;
  }

  /**
   * How many requests fitted together prepare their rows (and collect them for driver passes) at
   * the same time (default 1; the audit uses {@code scopes.site-threads}).
   */
  public BatchedEngine withThreads(int threads) {
    this.threads = Math.max(1, threads);
    return this;
  }

  /** The BLAS every task of the engine multiplies with (default: auto, one thread). */
  public BatchedEngine withBlas(BlasSetting setting) {
    this.blas = setting;
    return this;
  }

  @Override
  public NullDistribution fitNull(PermutationRequest request) {
    return fitNullWithObserved(request).distribution();
  }

  /** The null, and permutation 0's head from the same passes unless its chunk was restored. */
  @Override
  public NullFit fitNullWithObserved(PermutationRequest request) {
    return fitNullsWithObserved(List.of(request)).get(0);
  }

  /**
   * The nulls of the same task in several scopes, fitted in shared passes: each chunk of every
   * request is one batch of the optimiser, and each pass evaluates all of them at once ({@link
   * MemberBatch}). Every head is the one its request alone would fit.
   */
  @Override
  public List<NullFit> fitNullsWithObserved(List<PermutationRequest> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    int permutations = requests.get(0).permutations();
    List<NullChunks> nulls = new ArrayList<>();
    List<Predicate<int[]>> restored = new ArrayList<>();
    List<BiConsumer<int[], List<BatchedHead>>> fitted = new ArrayList<>();
    LinearHead[] observed = new LinearHead[requests.size()];
    for (int m = 0; m < requests.size(); m++) {
      PermutationRequest request = requests.get(m);
      if (request.permutations() != permutations) {
        throw new IllegalArgumentException(
            "Requests fitted together need the same B; got "
                + permutations
                + " and "
                + request.permutations());
      }
      NullChunks chunks = new NullChunks(request, this.chunks);
      nulls.add(chunks);
      restored.add(batch -> chunks.restore(batch[0], batch[batch.length - 1]));
      int member = m;
      fitted.add((batch, heads) -> record(request, chunks, batch, heads, observed, member));
    }
    // Permutation 0 is fitted with the others: T_0 and T_b from the same solver (exact p).
    fit(requests, IntStream.rangeClosed(0, permutations).toArray(), restored, fitted);
    List<NullFit> out = new ArrayList<>();
    for (int m = 0; m < requests.size(); m++) {
      out.add(new NullFit(nulls.get(m).distribution(), Optional.ofNullable(observed[m])));
    }
    return out;
  }

  private static void record(
      PermutationRequest request,
      NullChunks nulls,
      int[] batch,
      List<BatchedHead> fitted,
      LinearHead[] observed,
      int member) {
    for (BatchedHead head : fitted) {
      if (head.permutation() == 0) {
        observed[member] = head.head();
      }
      if (head.identity()) {
        nulls.recordAsObserved(head.permutation());
        continue;
      }
      nulls.record(head.permutation(), request.statistic(head.directions()), head.converged());
    }
    nulls.completed(batch[0], batch[batch.length - 1]);
  }

  /** Permutation 0 alone (a start for MLlib's reported head). */
  @Override
  public Optional<LinearHead> observedHead(PermutationRequest request) {
    return observedHeads(List.of(request)).get(0);
  }

  /** Permutation 0 of each request, in shared passes. */
  @Override
  public List<Optional<LinearHead>> observedHeads(List<PermutationRequest> requests) {
    List<Optional<LinearHead>> out = new ArrayList<>();
    for (List<BatchedHead> heads : fit(requests, new int[] {0})) {
      out.add(Optional.of(heads.get(0).head()));
    }
    return out;
  }

  /**
   * Passes and head-evaluations of every fit by this engine so far (the benchmark's flop count).
   */
  public synchronized Work work() {
    return work;
  }

  // Fits of the pooled scope and the site group may run at the same time (small audits).
  private synchronized void addWork(Work done) {
    work = work.plus(done);
  }

  /** The heads of the given permutations, in that order; permutation 0 = the observed labels. */
  List<BatchedHead> fit(PermutationRequest request, int[] permutations) {
    return fit(List.of(request), permutations).get(0);
  }

  /** Per request, the heads of the given permutations in that order, in shared passes. */
  List<List<BatchedHead>> fit(List<PermutationRequest> requests, int[] permutations) {
    List<List<BatchedHead>> out = new ArrayList<>();
    List<Predicate<int[]>> restored = new ArrayList<>();
    List<BiConsumer<int[], List<BatchedHead>>> fitted = new ArrayList<>();
    for (int m = 0; m < requests.size(); m++) {
      List<BatchedHead> own = new ArrayList<>();
      out.add(own);
      restored.add(batch -> false);
      fitted.add((batch, heads) -> own.addAll(heads));
    }
    fit(requests, permutations, restored, fitted);
    return out;
  }

  /**
   * Fits {@code permutations} chunk by chunk for every request together; request m's chunk that
   * {@code restored.get(m)} accepts (restored from an earlier attempt) is left out of that chunk's
   * batch, every other goes to {@code fitted.get(m)}.
   */
  private void fit(
      List<PermutationRequest> requests,
      int[] permutations,
      List<Predicate<int[]>> restored,
      List<BiConsumer<int[], List<BatchedHead>>> fitted) {
    if (permutations.length == 0 || requests.isEmpty()) {
      return;
    }
    PermutationRequest first = requests.get(0);
    SparkPhase.label(spark, "permutation batch rows task=" + first.task() + " " + scopes(requests));
    List<BatchedRows> rows = new ArrayList<>();
    try {
      rows.addAll(
          Concurrently.map(
              requests,
              threads,
              request ->
                  BatchedRows.prepare(spark, request, heads.regParam(), driverPassMaxBytes)));
      int chunk = headsPerChunk(rows);
      BatchedProgress progress =
          new BatchedProgress(
              first.task(), scopes(requests), permutations.length * requests.size(), progressEvery);
      int count = (permutations.length + chunk - 1) / chunk;
      for (int c = 0; c < count; c++) {
        int from = c * chunk;
        int[] batch =
            Arrays.copyOfRange(permutations, from, Math.min(from + chunk, permutations.length));
        List<Integer> members = new ArrayList<>();
        for (int m = 0; m < requests.size(); m++) {
          if (!restored.get(m).test(batch)) {
            members.add(m);
          }
        }
        if (members.isEmpty()) {
          continue;
        }
        ChunkFit.Fitted done =
            new ChunkFit(spark, heads, driverPassMaxBytes, blas, threads)
                .fit(
                    members.stream().map(rows::get).toList(),
                    members.stream().map(requests::get).toList(),
                    batch,
                    progress.chunk(c + 1, count, from * requests.size()));
        addWork(done.work());
        for (int i = 0; i < members.size(); i++) {
          fitted.get(members.get(i)).accept(batch, done.heads().get(i));
        }
      }
    } finally {
      rows.forEach(BatchedRows::close);
    }
  }

  /**
   * The heads per chunk and member: each member's own plan, with the driver's budget shared by all
   * members (their optimiser state lives there together).
   */
  private int headsPerChunk(List<BatchedRows> rows) {
    int chunk = maxHeadsPerChunk;
    for (BatchedRows r : rows) {
      chunk =
          Math.min(
              chunk,
              ChunkPlan.headsPerChunk(
                  maxHeadsPerChunk,
                  r.shape(),
                  ChunkFit.options(heads).memory(),
                  r.rowsPerPartition(),
                  rows.size()));
    }
    return chunk;
  }

  /** The scopes of requests fitted together, for progress lines and Spark UI labels. */
  static String scopes(List<PermutationRequest> requests) {
    if (requests.size() == 1) {
      return requests.get(0).scope().name();
    }
    return requests.size()
        + " scopes ("
        + requests.get(0).scope().name()
        + " .. "
        + requests.get(requests.size() - 1).scope().name()
        + ")";
  }
}
