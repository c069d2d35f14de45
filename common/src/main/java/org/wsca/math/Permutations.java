package org.wsca.math;

import java.util.SplittableRandom;

/**
 * Label permutations for the permutation test (docs/method.md section 6). Permutation b of a
 * stratum is a pure function of (seed, task, scope, stratum, b): it does not depend on
 * partitioning, executor count, retries or the JVM, so a published p-value can be recomputed from
 * the seed.
 */
public final class Permutations {
  private static final String DOMAIN = "wsca/permutation/v1";

  private Permutations() {}

  /** The seed of one permutation's random stream. */
  public static long streamSeed(long seed, String task, String scope, String stratum, int b) {
    return StableHash.domain(DOMAIN).add(seed).add(task).add(scope).add(stratum).add(b).finish();
  }

  /** A uniformly random permutation of 0..n-1, by Fisher-Yates. */
  public static int[] permutation(
      long seed, String task, String scope, String stratum, int b, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Permutation size is " + n + "; it must be 0 or more");
    }
    SplittableRandom random = new SplittableRandom(streamSeed(seed, task, scope, stratum, b));
    int[] permutation = new int[n];
    for (int i = 0; i < n; i++) {
      permutation[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = swap;
    }
    return permutation;
  }

  /**
   * The labels of one stratum, permuted: out[r] = labels[perm[r]]. The labels must be in sample_id
   * order so that the result does not depend on how rows arrived.
   */
  public static int[] permuteLabels(
      int[] labelsInSampleIdOrder, long seed, String task, String scope, String stratum, int b) {
    int[] permutation = permutation(seed, task, scope, stratum, b, labelsInSampleIdOrder.length);
    int[] permuted = new int[permutation.length];
    for (int r = 0; r < permutation.length; r++) {
      permuted[r] = labelsInSampleIdOrder[permutation[r]];
    }
    return permuted;
  }
}
