package org.wsca.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wall-clock milliseconds per named phase of a run, in the order the phases ended (for the
 * manifest). Phases may overlap (a small audit's pooled scope and site group run together).
 */
public final class PhaseTimes {
  private static final Logger LOG = LoggerFactory.getLogger(PhaseTimes.class);
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
      // Also logged as it ends: a long run stopped before its manifest still leaves its phases.
      LOG.info("Phase {} took {} s", phase, String.format("%.1f", elapsed / 1000.0));
    }
  }

  /** A copy, so that later phases do not change what a caller already holds. */
  public Map<String, Long> millis() {
    synchronized (millis) {
      return new LinkedHashMap<>(millis);
    }
  }
}
