package org.wsca.dependence;

import java.util.ArrayList;
import java.util.List;
import org.wsca.math.PermutationDesign;

/**
 * Moves whole patients (docs/method.md sections 6.2 and 11): the held-out rows of the strata are
 * cast as a {@link PermutationDesign} of patient blocks, the one the WSC test uses, and permutation
 * b is that design's, in a stream of its own ({@link RowPermuter#STREAM}). Per-patient metadata
 * shuffled image by image would make the null too narrow.
 */
public final class BlockPermuter implements StratumPermuter {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final String task;
  private final String scope;
  // Built once per JVM and list of strata: every b of a job reads the same strata.
  private transient List<StratumScores> cachedFor;
  private transient PermutationDesign cached;

  public BlockPermuter(long seed, String task, String scope) {
    this.seed = seed;
    this.task = task;
    this.scope = scope;
  }

  @Override
  public int[][] permute(List<StratumScores> strata, int b) {
    return design(strata).permuted(seed, RowPermuter.STREAM + task, scope, b);
  }

  /** Counted over patients, not images: a patient's images take one class together. */
  @Override
  public double log10Assignments(ShiftStatistic statistic) {
    if (statistic.strata().isEmpty()) {
      return 0.0;
    }
    return designOf(statistic.strata()).testability().log10Permutations();
  }

  /** The patient-block design of {@code strata}; every row must carry its patient. */
  public static PermutationDesign designOf(List<StratumScores> strata) {
    List<String> names = new ArrayList<>();
    int[][] classes = new int[strata.size()][];
    String[][] patients = new String[strata.size()][];
    for (int s = 0; s < classes.length; s++) {
      StratumScores stratum = strata.get(s);
      names.add(stratum.name());
      classes[s] = stratum.classes();
      patients[s] =
          stratum
              .patients()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Stratum " + stratum.name() + " has no patient ids to move as blocks"));
    }
    return PermutationDesign.patients(names, classes, patients);
  }

  private synchronized PermutationDesign design(List<StratumScores> strata) {
    if (cachedFor != strata) {
      cached = designOf(strata);
      cachedFor = strata;
    }
    return cached;
  }
}
