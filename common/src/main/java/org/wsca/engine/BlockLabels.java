package org.wsca.engine;

import java.util.ArrayList;
import java.util.List;
import org.wsca.math.Permutations;

/**
 * Labels the rows of one partition for the heads of one chunk, next to the rows: permutation b of
 * stratum s is {@code Permutations.permuteLabels(labels of s in sample_id order, seed, task, scope,
 * s, b)} (docs/method.md section 6), and a row of rank r in s gets entry r of it. Permutation index
 * 0 stands for the observed (unpermuted) labels. Only the unpermuted per-stratum labels travel;
 * each partition recomputes the permutations of the strata it holds, so the labels do not depend on
 * partitioning.
 */
public final class BlockLabels {
  private final long seed;
  private final String task;
  private final String scope;
  private final List<String> strataNames;
  private final int[][] strataLabels;

  public BlockLabels(
      long seed, String task, String scope, List<String> strataNames, int[][] strataLabels) {
    if (strataNames.size() != strataLabels.length) {
      throw new IllegalArgumentException(
          strataNames.size() + " stratum names but " + strataLabels.length + " label arrays");
    }
    this.seed = seed;
    this.task = task;
    this.scope = scope;
    this.strataNames = List.copyOf(strataNames);
    this.strataLabels = strataLabels;
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
    int[][] out = new int[strataLabels.length][];
    for (int s = 0; s < out.length; s++) {
      if (present[s]) {
        out[s] =
            b == 0
                ? strataLabels[s]
                : Permutations.permuteLabels(
                    strataLabels[s], seed, task, scope, strataNames.get(s), b);
      }
    }
    return out;
  }

  private static void fillColumn(RowBlock block, int[][] permuted, int[] matrix, int h, int heads) {
    for (int r = 0; r < block.rows(); r++) {
      matrix[r * heads + h] = permuted[block.stratum(r)][block.rank(r)];
    }
  }

  private boolean[] presentStrata(List<RowBlock> blocks) {
    boolean[] present = new boolean[strataLabels.length];
    for (RowBlock block : blocks) {
      for (int r = 0; r < block.rows(); r++) {
        int s = block.stratum(r);
        if (s < 0 || s >= present.length || block.rank(r) >= strataLabels[s].length) {
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
