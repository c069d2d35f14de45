package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.wsca.input.Canonical;
import org.wsca.math.Permutations;

/**
 * The stratum helper both permutation engines share (docs/method.md section 6): the task's labels
 * of each stratum in sample_id order, the input of every permutation.
 */
record StrataLabels(List<String> names, int[][] labels) {
  /**
   * Each row's position inside its stratum in sample_id order, from 0: how labels are addressed.
   */
  static Column rank() {
    return row_number()
        .over(Window.partitionBy(TaskData.STRATUM).orderBy(Canonical.SAMPLE_ID))
        .minus(1);
  }

  static StrataLabels collect(Dataset<Row> ranked) {
    Map<String, List<Integer>> byStratum = new TreeMap<>();
    List<Row> rows =
        ranked
            .select(col(TaskData.STRATUM), col(TaskData.Y))
            .orderBy(col(TaskData.STRATUM), col(TaskData.RANK))
            .collectAsList();
    for (Row r : rows) {
      byStratum.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add((int) r.getDouble(1));
    }
    List<String> names = new ArrayList<>(byStratum.keySet());
    int[][] labels =
        names.stream()
            .map(n -> byStratum.get(n).stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    return new StrataLabels(names, labels);
  }

  int[][] permuted(long seed, String task, String scope, int b) {
    int[][] out = new int[labels.length][];
    for (int s = 0; s < labels.length; s++) {
      out[s] =
          b == 0
              ? labels[s]
              : Permutations.permuteLabels(labels[s], seed, task, scope, names.get(s), b);
    }
    return out;
  }

  /**
   * True when permutation b gives every row of every stratum its observed label (b = 0, or a task
   * constant within each stratum): its head is the observed head, so T_b = T_0 exactly.
   */
  boolean isIdentity(long seed, String task, String scope, int b) {
    int[][] permuted = permuted(seed, task, scope, b);
    for (int s = 0; s < labels.length; s++) {
      if (!java.util.Arrays.equals(permuted[s], labels[s])) {
        return false;
      }
    }
    return true;
  }

  /** Stratum name to its index in {@link #names()} and {@link #labels()}. */
  Map<String, Integer> positions() {
    return positions(names);
  }

  static Map<String, Integer> positions(List<String> names) {
    Map<String, Integer> out = new HashMap<>();
    for (int s = 0; s < names.size(); s++) {
      out.put(names.get(s), s);
    }
    return out;
  }
}
