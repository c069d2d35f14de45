package org.wsca.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock milliseconds per named phase of a run, in the order the phases ended (for the
 * manifest). Phases may overlap (a small audit's pooled scope and site group run together).
 */
public final class PhaseTimes {
  private final Map<String, Long> millis = new LinkedHashMap<>();

  public <T> T timed(String phase, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      synchronized (millis) {
        millis.put(phase, elapsed);
      }
    }
  }

  /** A copy, so that later phases do not change what a caller already holds. */
  public Map<String, Long> millis() {
    synchronized (millis) {
      return new LinkedHashMap<>(millis);
    }
  }
}
