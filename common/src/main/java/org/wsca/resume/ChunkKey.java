package org.wsca.resume;

/**
 * Which permuted heads a persisted chunk holds: permutations {@code from..to} (inclusive) of one
 * metadata task in one scope. Permutation 0 is the observed labels, fitted with the others.
 */
public record ChunkKey(String task, String scope, int from, int to) {
  public ChunkKey {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "A chunk covers permutations from..to with"
              + " 0 <= from <= to; got "
              + from
              + ".."
              + to
              + " for task "
              + task
              + " "
              + scope);
    }
  }

  public int size() {
    return to - from + 1;
  }

  /**
   * The chunk's file name. Scope names carry site names (user data), so the name holds a digest of
   * (task, scope) and the file itself holds both in plain text, checked on reading.
   */
  String fileName() {
    return Digest.hex(16, task, scope) + "-" + from + "-" + to + ChunkFile.SUFFIX;
  }

  @Override
  public String toString() {
    return "task=" + task + " " + scope + " permutations " + from + "-" + to;
  }
}
