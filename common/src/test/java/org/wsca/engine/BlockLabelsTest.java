package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wsca.math.PermutationDesign;
import org.wsca.math.Permutations;

class BlockLabelsTest {
  private static final List<String> NAMES = List.of("site=A", "site=B");
  private static final int[][] LABELS = {{0, 1, 1, 0, 2, 1, 0}, {2, 2, 0, 1, 0}};
  private final BlockLabels labels =
      new BlockLabels(42L, "scanner", "pooled", PermutationDesign.images(NAMES, LABELS));
  private final int[] permutations = {0, 1, 2, 7};

  @Test
  void eachColumnIsThatPermutationOfTheRowsStratum() {
    for (RowBlock block : labels.label(blocks(3, 0), permutations)) {
      for (int r = 0; r < block.rows(); r++) {
        int s = block.stratum(r);
        for (int h = 0; h < permutations.length; h++) {
          int[] expected =
              permutations[h] == 0
                  ? LABELS[s]
                  : Permutations.permuteLabels(
                      LABELS[s], 42L, "scanner", "pooled", NAMES.get(s), permutations[h]);
          assertThat(block.label(r, h)).isEqualTo(expected[block.rank(r)]);
        }
      }
    }
  }

  @Test
  void labelsDoNotDependOnHowRowsAreSplitOrOrdered() {
    Map<String, Integer> one = byRow(labels.label(blocks(12, 0), permutations));
    Map<String, Integer> many = new HashMap<>();
    List<RowBlock> all = blocks(2, 5);
    for (int part = 0; part < all.size(); part++) {
      many.putAll(byRow(labels.label(List.of(all.get(part)), permutations)));
    }
    assertThat(many).isEqualTo(one);
  }

  @Test
  void patientBlocksLabelAlikeWhateverThePartitioning() {
    // Patients spanning both strata (as under strata [site, label]): each partition computes the
    // whole patient groups, so rows get the same labels in 1 or 12 partitions.
    String[][] patients = {
      {"p1", "p2", "p3", "p1", "p4", "p2", "p3"}, {"p1", "p2", "p3", "p4", "p5"}
    };
    int[][] perPatient = {{0, 1, 2, 0, 1, 1, 2}, {0, 1, 2, 1, 0}};
    BlockLabels blocked =
        new BlockLabels(
            42L, "scanner", "pooled", PermutationDesign.patients(NAMES, perPatient, patients));
    Map<String, Integer> one = byRow(blocked.label(blocks(12, 0), permutations));
    Map<String, Integer> many = new HashMap<>();
    List<RowBlock> all = blocks(2, 5);
    for (RowBlock block : all) {
      many.putAll(byRow(blocked.label(List.of(block), permutations)));
    }
    assertThat(many).isEqualTo(one);
    for (int h = 0; h < permutations.length; h++) {
      // p1's three rows (A/0, A/3, B/0) carry one value under every permutation.
      assertThat(one.get("0/3/" + h)).isEqualTo(one.get("0/0/" + h));
      assertThat(one.get("1/0/" + h)).isEqualTo(one.get("0/0/" + h));
    }
  }

  /** Every (stratum, rank) of LABELS in blocks of {@code capacity}, rotated by {@code shift}. */
  private static List<RowBlock> blocks(int capacity, int shift) {
    List<int[]> rows = new ArrayList<>();
    for (int s = 0; s < LABELS.length; s++) {
      for (int r = 0; r < LABELS[s].length; r++) {
        rows.add(new int[] {s, r});
      }
    }
    java.util.Collections.rotate(rows, shift);
    List<RowBlock> blocks = new ArrayList<>();
    RowBlock.Builder builder = RowBlock.builder(1, capacity);
    Standardizer identity = Standardizer.identity(1);
    for (int[] row : rows) {
      builder.add(new double[] {row[1]}, identity, row[0], row[1]);
      if (builder.isFull()) {
        blocks.add(builder.build());
      }
    }
    if (!builder.isEmpty()) {
      blocks.add(builder.build());
    }
    return blocks;
  }

  private Map<String, Integer> byRow(List<RowBlock> blocks) {
    Map<String, Integer> out = new HashMap<>();
    for (RowBlock block : blocks) {
      for (int r = 0; r < block.rows(); r++) {
        for (int h = 0; h < permutations.length; h++) {
          out.put(block.stratum(r) + "/" + block.rank(r) + "/" + h, block.label(r, h));
        }
      }
    }
    return out;
  }
}
