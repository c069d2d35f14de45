package org.wsca.dependence;

import java.util.List;
import org.wsca.math.Permutations;

/**
 * Shuffles the metadata classes row by row inside each stratum: permutation b of stratum s is
 * {@link Permutations#permuteLabels} of the stratum's classes in sample_id order, seeded by (seed,
 * task, scope, s, b). The task is prefixed with {@link #STREAM} so that these streams never
 * coincide with the WSC test's label permutations of the same task and stratum name.
 */
public record RowPermuter(long seed, String task, String scope) implements StratumPermuter {
  public static final String STREAM = "decision-dependence/";

  @Override
  public int[][] permute(List<StratumScores> strata, int b) {
    int[][] out = new int[strata.size()][];
    for (int s = 0; s < out.length; s++) {
      StratumScores stratum = strata.get(s);
      out[s] =
          Permutations.permuteLabels(
              stratum.classes(), seed, STREAM + task, scope, stratum.name(), b);
    }
    return out;
  }
}
