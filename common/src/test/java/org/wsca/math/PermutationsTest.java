package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermutationsTest {
  private static final long SEED = 20260101L;

  @Test
  void sameInputsGiveTheSamePermutation() {
    int[] first = Permutations.permutation(SEED, "scanner", "pooled", "site=A", 17, 50);
    int[] second = Permutations.permutation(SEED, "scanner", "pooled", "site=A", 17, 50);
    assertThat(first).containsExactly(second);
    assertThat(Permutations.streamSeed(SEED, "scanner", "pooled", "site=A", 17))
        .isEqualTo(Permutations.streamSeed(SEED, "scanner", "pooled", "site=A", 17));
  }

  @Test
  void isAPermutation() {
    for (int n : new int[] {0, 1, 2, 10, 1000}) {
      int[] permutation = Permutations.permutation(SEED, "t", "s", "x", 3, n);
      int[] sorted = permutation.clone();
      Arrays.sort(sorted);
      for (int i = 0; i < n; i++) {
        assertThat(sorted[i]).isEqualTo(i);
      }
    }
  }

  @Test
  void everyInputChangesThePermutation() {
    int[] base = Permutations.permutation(SEED, "scanner", "pooled", "A", 1, 30);
    assertThat(Permutations.permutation(SEED, "scanner", "pooled", "A", 2, 30)).isNotEqualTo(base);
    assertThat(Permutations.permutation(SEED, "site", "pooled", "A", 1, 30)).isNotEqualTo(base);
    assertThat(Permutations.permutation(SEED, "scanner", "site=A", "A", 1, 30)).isNotEqualTo(base);
    assertThat(Permutations.permutation(SEED, "scanner", "pooled", "B", 1, 30)).isNotEqualTo(base);
    assertThat(Permutations.permutation(SEED + 1, "scanner", "pooled", "A", 1, 30))
        .isNotEqualTo(base);
  }

  @Test
  void partsAreNotConcatenated() {
    // ("ab", "c") and ("a", "bc") must be different streams.
    assertThat(Permutations.streamSeed(SEED, "ab", "c", "", 0))
        .isNotEqualTo(Permutations.streamSeed(SEED, "a", "bc", "", 0));
  }

  @Test
  void allSixPermutationsOfThreeAreEquallyLikely() {
    // 6000 draws, each permutation expected 1000 times; binomial sd sqrt(6000 * 1/6 * 5/6) = 28.9,
    // so 5 sigma = 144.
    Map<String, Integer> counts = new HashMap<>();
    for (int b = 0; b < 6000; b++) {
      counts.merge(
          Arrays.toString(Permutations.permutation(SEED, "t", "pooled", "A", b, 3)),
          1,
          Integer::sum);
    }
    assertThat(counts).hasSize(6);
    double sigma = Math.sqrt(6000 * (1.0 / 6) * (5.0 / 6));
    assertThat(counts.values())
        .allSatisfy(count -> assertThat((double) Math.abs(count - 1000)).isLessThan(5 * sigma));
  }

  @Test
  void permuteLabelsReadsThroughThePermutation() {
    int[] labels = {10, 11, 12, 13, 14, 15, 16};
    int[] permutation = Permutations.permutation(SEED, "t", "s", "x", 4, labels.length);
    int[] permuted = Permutations.permuteLabels(labels, SEED, "t", "s", "x", 4);
    for (int r = 0; r < labels.length; r++) {
      assertThat(permuted[r]).isEqualTo(labels[permutation[r]]);
    }
    int[] sorted = permuted.clone();
    Arrays.sort(sorted);
    assertThat(sorted).containsExactly(labels);
  }

  @Test
  void snapshotOfAFixedInput() {
    // Not a correctness claim: a pinned output so that any change of the hash, the encoding,
    // SplittableRandom or the shuffle is noticed. Published p-values are reproducible from the
    // seed only while this holds; change it only deliberately, with a note in the release notes.
    assertThat(Permutations.streamSeed(42L, "scanner", "pooled", "site=A", 1))
        .isEqualTo(SNAPSHOT_SEED);
    assertThat(Permutations.permutation(42L, "scanner", "pooled", "site=A", 1, 10))
        .containsExactly(SNAPSHOT_PERMUTATION);
  }

  /** Also recomputed by an independent few-line Python FNV-1a + SplitMix64 script when pinned. */
  private static final long SNAPSHOT_SEED = -6323724963765821700L;

  private static final int[] SNAPSHOT_PERMUTATION = {7, 2, 1, 4, 5, 0, 9, 6, 8, 3};
}
