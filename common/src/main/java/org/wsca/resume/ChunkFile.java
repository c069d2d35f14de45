package org.wsca.resume;

import java.util.List;
import java.util.Optional;

/**
 * The text form of a persisted chunk: a header naming the chunk, then one line per permutation
 * {@code b <TAB> T_b <TAB> converged}. Doubles are written by {@link Double#toString}, which parses
 * back to the identical value, so a resumed run's statistics equal the original ones.
 */
final class ChunkFile {
  static final String SUFFIX = ".chunk";
  private static final String MAGIC = "wsca-chunk 1";

  private ChunkFile() {}

  static String encode(ChunkKey key, ChunkResult result) {
    StringBuilder text =
        new StringBuilder(MAGIC)
            .append('\n')
            .append("task\t")
            .append(key.task())
            .append('\n')
            .append("scope\t")
            .append(key.scope())
            .append('\n')
            .append("range\t")
            .append(key.from())
            .append('\t')
            .append(key.to())
            .append('\n');
    for (int i = 0; i < key.size(); i++) {
      text.append(key.from() + i)
          .append('\t')
          .append(result.statistics()[i])
          .append('\t')
          .append(result.converged()[i])
          .append('\n');
    }
    return text.toString();
  }

  /**
   * The chunk's result, or empty when the text is not exactly the chunk {@code key} (another task
   * or scope behind the same file name, or a damaged file): such a chunk is refitted.
   */
  static Optional<ChunkResult> decode(String text, ChunkKey key) {
    List<String> lines = text.lines().toList();
    if (lines.size() != 4 + key.size()
        || !lines.get(0).equals(MAGIC)
        || !lines.get(1).equals("task\t" + key.task())
        || !lines.get(2).equals("scope\t" + key.scope())
        || !lines.get(3).equals("range\t" + key.from() + "\t" + key.to())) {
      return Optional.empty();
    }
    double[] statistics = new double[key.size()];
    boolean[] converged = new boolean[key.size()];
    for (int i = 0; i < key.size(); i++) {
      String[] fields = lines.get(4 + i).split("\t", -1);
      if (fields.length != 3
          || !fields[0].equals(Integer.toString(key.from() + i))
          || !(fields[2].equals("true") || fields[2].equals("false"))) {
        return Optional.empty();
      }
      try {
        statistics[i] = Double.parseDouble(fields[1]);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      converged[i] = Boolean.parseBoolean(fields[2]);
    }
    return Optional.of(new ChunkResult(statistics, converged));
  }
}
