package org.wsca.resume;

/**
 * What a chunk of permuted heads produced: T_b and whether head b converged, for b = from..to of
 * its {@link ChunkKey} (index 0 is permutation {@code from}).
 */
public record ChunkResult(double[] statistics, boolean[] converged) {
  public ChunkResult {
    if (statistics.length != converged.length) {
      throw new IllegalArgumentException(
          "A chunk has "
              + statistics.length
              + " statistics but "
              + converged.length
              + " convergence flags");
    }
  }
}
