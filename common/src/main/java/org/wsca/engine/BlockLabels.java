package org.wsca.engine;

import java.util.ArrayList;
import java.util.List;
import org.wsca.math.PermutationDesign;

/**
 * Labels the rows of one partition for the heads of one chunk, next to the rows: permutation b is
 * {@link PermutationDesign#permuted} of the test's design (docs/method.md section 6: per stratum,
 * or whole patients when patients are known), and a row of rank r in stratum s gets entry [s][r] of
 * it. Permutation index 0 stands for the observed (unpermuted) labels. Only the design (the
 * unpermuted labels and the patient blocks) travels; each partition recomputes the permutations of
 * the strata it holds, so the labels do not depend on partitioning.
 */
public final class BlockLabels {
  private final long seed;
  private final String task;
  private final String scope;
  private final PermutationDesign design;

  public BlockLabels(long seed, String task, String scope, PermutationDesign design) {
    this.seed = seed;
    this.task = task;
    this.scope = scope;
    this.design = design;
  }

  /** The blocks with a label matrix whose column h is permutation {@code permutations[h]}. */
  public List<RowBlock> label(List<RowBlock> blocks, int[] permutations) {
    boolean[] present = presentStrata(blocks);
    int heads = permutations.length;
    List<int[]> matrices = new ArrayList<>();
    for (RowBlock block : blocks) {
      matrices.add(new int[block.rows() * heads]);
    }
    for (int h = 0; h < heads; h++) {
      int[][] permuted = permuted(present, permutations[h]);
      for (int i = 0; i < blocks.size(); i++) {
        fillColumn(blocks.get(i), permuted, matrices.get(i), h, heads);
      }
    }
    List<RowBlock> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      out.add(blocks.get(i).withLabels(matrices.get(i), heads));
    }
    return out;
  }

  /** Permutation b of every stratum present; null for absent strata. */
  private int[][] permuted(boolean[] present, int b) {
    return design.permuted(seed, task, scope, b, present);
  }

  private static void fillColumn(RowBlock block, int[][] permuted, int[] matrix, int h, int heads) {
    for (int r = 0; r < block.rows(); r++) {
      matrix[r * heads + h] = permuted[block.stratum(r)][block.rank(r)];
    }
  }

  private boolean[] presentStrata(List<RowBlock> blocks) {
    int strata = design.strata().size();
    boolean[] present = new boolean[strata];
    for (RowBlock block : blocks) {
      for (int r = 0; r < block.rows(); r++) {
        int s = block.stratum(r);
        if (s < 0 || s >= strata || block.rank(r) >= design.labels(s).length) {
          throw new IllegalArgumentException(
              "Row "
                  + r
                  + " has stratum "
                  + s
                  + " and rank "
                  + block.rank(r)
                  + ", outside the "
                  + present.length
                  + " collected strata");
        }
        present[s] = true;
      }
    }
    return present;
  }
}
