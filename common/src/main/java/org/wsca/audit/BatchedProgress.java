package org.wsca.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.engine.BatchLbfgs;

/**
 * Logs the batched engine's progress: heads done of all, the chunk, its pass and largest L-BFGS
 * iteration, elapsed time and an ETA (from the heads done so far); every {@code every} heads
 * finished and at least every {@link #PASSES} passes.
 */
final class BatchedProgress {
  private static final Logger LOG = LoggerFactory.getLogger(BatchedEngine.class);
  static final int PASSES = 10;

  private final String task;
  private final String scope;
  private final int total;
  private final int every;
  private final long start = System.nanoTime();
  private int lastLoggedDone;

  /** {@code scope}: the scope's name, or the scopes fitted together. */
  BatchedProgress(String task, String scope, int total, int every) {
    this.task = task;
    this.scope = scope;
    this.total = total;
    this.every = Math.max(1, every);
  }

  /** A listener for chunk {@code index} of {@code chunks}, after {@code before} finished heads. */
  BatchLbfgs.Listener chunk(int index, int chunks, int before) {
    return progress -> passDone(before + progress.finished(), progress, index + "/" + chunks);
  }

  private void passDone(int done, BatchLbfgs.Progress progress, String chunk) {
    boolean headsDue =
        done / every > lastLoggedDone / every || done == total && lastLoggedDone != total;
    boolean passDue = progress.pass() % PASSES == 0;
    if (!headsDue && !passDue) {
      return;
    }
    lastLoggedDone = done;
    double elapsed = (System.nanoTime() - start) / 1e9;
    String eta = done == 0 ? "unknown" : String.format("%.1f s", elapsed / done * (total - done));
    LOG.info(
        String.format(
            "task=%s %s permuted heads %d/%d done; chunk %s pass %d, iteration"
                + " %d; elapsed %.1f s, ETA %s",
            task, scope, done, total, chunk, progress.pass(), progress.iteration(), elapsed, eta));
  }
}
