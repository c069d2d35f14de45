package org.wsca.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one step for each scope of a group on up to {@code threads} driver threads: the site scopes'
 * small Spark jobs then overlap (one job's scheduling and planning with another's tasks). Results
 * come back in the input's order; the first failure, in that order, is rethrown as it was thrown.
 * Each step must depend only on its own input (Spark's job descriptions are per thread).
 */
final class Concurrently {
  private Concurrently() {}

  static <T, R> List<R> map(List<T> inputs, int threads, Function<T, R> step) {
    if (threads <= 1 || inputs.size() <= 1) {
      return inputs.stream().map(step).toList();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, inputs.size()),
            r -> {
              Thread t = new Thread(r, "wsca-scope");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T input : inputs) {
        futures.add(pool.submit(() -> step.apply(input)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> future : futures) {
        out.add(get(future));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R get(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while auditing the site scopes", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }
}
