package org.wsca.audit;

import java.util.Arrays;
import org.wsca.method.NullDistribution;
import org.wsca.resume.ChunkKey;
import org.wsca.resume.ChunkResult;
import org.wsca.resume.ChunkStore;

/**
 * The null distribution of one (task, scope), assembled chunk by chunk: each chunk of permutations
 * is either restored from the {@link ChunkStore} (an earlier attempt of the run finished it) or
 * fitted and then persisted, so a re-run after a failure refits only what was not finished. The
 * engines chunk B the same way on every attempt with the same settings and input, so restored
 * chunks line up with the ones a fresh run would fit.
 */
final class NullChunks {
  private final PermutationRequest request;
  private final ChunkStore store;
  private final double[] statistics;
  private final boolean[] converged;
  private final boolean[] done;

  NullChunks(PermutationRequest request, ChunkStore store) {
    this.request = request;
    this.store = store;
    this.statistics = new double[request.permutations() + 1];
    this.converged = new boolean[request.permutations() + 1];
    this.done = new boolean[request.permutations() + 1];
  }

  /** True when permutations from..to were restored from the store; then they need no fit. */
  boolean restore(int from, int to) {
    return store
        .load(key(from, to))
        .map(
            r -> {
              System.arraycopy(r.statistics(), 0, statistics, from, r.statistics().length);
              System.arraycopy(r.converged(), 0, converged, from, r.converged().length);
              Arrays.fill(done, from, to + 1, true);
              return true;
            })
        .orElse(false);
  }

  void record(int permutation, double t, boolean headConverged) {
    statistics[permutation] = t;
    converged[permutation] = headConverged;
    done[permutation] = true;
  }

  /**
   * Records an identity permutation (every label stays; see {@code PermutationDesign.isIdentity}):
   * its head is the observed one, so T_b = T_0 exactly, whatever the floating-point order of its
   * fit. Permutation 0 must be recorded first.
   */
  void recordAsObserved(int permutation) {
    if (!done[0]) {
      throw new IllegalStateException(
          "Permutation 0 of task=" + request.task() + " must be fitted before its copies");
    }
    record(permutation, statistics[0], converged[0]);
  }

  /** Persists permutations from..to, all recorded. */
  void completed(int from, int to) {
    store.save(
        key(from, to),
        new ChunkResult(
            Arrays.copyOfRange(statistics, from, to + 1),
            Arrays.copyOfRange(converged, from, to + 1)));
  }

  /** Non-converged permuted heads so far (permutation 0 not counted). */
  int nonConvergedSoFar() {
    int n = 0;
    for (int b = 1; b < statistics.length; b++) {
      n += done[b] && !converged[b] ? 1 : 0;
    }
    return n;
  }

  NullDistribution distribution() {
    for (int b = 0; b < statistics.length; b++) {
      if (!done[b]) {
        throw new IllegalStateException(
            "Permutation "
                + b
                + " of task="
                + request.task()
                + " "
                + request.scope().name()
                + " was neither fitted nor restored");
      }
    }
    return NullDistribution.of(
        Arrays.copyOfRange(statistics, 1, statistics.length),
        Arrays.copyOfRange(converged, 1, converged.length),
        statistics[0],
        converged[0]);
  }

  private ChunkKey key(int from, int to) {
    return new ChunkKey(request.task(), request.scope().name(), from, to);
  }
}
