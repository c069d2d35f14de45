package org.wsca.math;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wsca.math.PermutationDesign.Unit;

/**
 * The exchange groups of a patient design, flattened: group g's units are patients in patient_id
 * order; unit u's rows are {@code stratum[g][k], rank[g][k]} for k in [start[g][u], start[g][u+1]),
 * ordered by stratum, then rank.
 */
final class PatientGroups implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String[] names;
  private final int[][] start;
  private final int[][] stratum;
  private final int[][] rank;
  private final int[][] touched;

  private PatientGroups(
      String[] names, int[][] start, int[][] stratum, int[][] rank, int[][] touched) {
    this.names = names;
    this.start = start;
    this.stratum = stratum;
    this.rank = rank;
    this.touched = touched;
  }

  static PatientGroups of(List<List<int[]>> units, List<String> strata, Unit unit) {
    Map<String, List<List<int[]>>> bySignature = new TreeMap<>();
    for (List<int[]> rows : units) {
      bySignature.computeIfAbsent(signature(rows, strata, unit), k -> new ArrayList<>()).add(rows);
    }
    int n = bySignature.size();
    String[] names = new String[n];
    int[][] start = new int[n][];
    int[][] stratum = new int[n][];
    int[][] rank = new int[n][];
    int[][] touched = new int[n][];
    int g = 0;
    for (Map.Entry<String, List<List<int[]>>> e : bySignature.entrySet()) {
      names[g] = e.getKey();
      List<List<int[]>> members = e.getValue();
      int rows = members.stream().mapToInt(List::size).sum();
      start[g] = new int[members.size() + 1];
      stratum[g] = new int[rows];
      rank[g] = new int[rows];
      int k = 0;
      for (int u = 0; u < members.size(); u++) {
        start[g][u] = k;
        for (int[] row : members.get(u)) {
          stratum[g][k] = row[0];
          rank[g][k++] = row[1];
        }
      }
      start[g][members.size()] = k;
      touched[g] = Arrays.stream(stratum[g]).distinct().sorted().toArray();
      g++;
    }
    return new PatientGroups(names, start, stratum, rank, touched);
  }

  /**
   * Patients with the same signature are exchangeable. Rows arrive ordered by stratum, so the
   * (stratum, count) runs describe the patient's shape. A per-patient value confined to one stratum
   * needs only the stratum; otherwise the whole shape must match. Names are length-prefixed so that
   * different shapes never share a random stream.
   */
  private static String signature(List<int[]> rows, List<String> strata, Unit unit) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    for (int[] row : rows) {
      counts.merge(row[0], 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder("patients");
    boolean sizeFree = unit == Unit.PATIENT && counts.size() == 1;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      String name = strata.get(e.getKey());
      out.append('/').append(name.length()).append(':').append(name);
      if (!sizeFree) {
        out.append('x').append(e.getValue());
      }
    }
    return out.toString();
  }

  /** How many exchange groups there are. */
  int count() {
    return names.length;
  }

  /** Group g's name, which seeds its random stream. */
  String name(int g) {
    return names[g];
  }

  int units(int g) {
    return start[g].length - 1;
  }

  int rows(int g) {
    return stratum[g].length;
  }

  boolean touches(int g, boolean[] needed) {
    for (int s : touched[g]) {
      if (needed[s]) {
        return true;
      }
    }
    return false;
  }

  void markStrata(int g, boolean[] marks) {
    for (int s : touched[g]) {
      marks[s] = true;
    }
  }

  /** The value a unit carries: its one label (PATIENT) or its label sequence. */
  List<Integer> value(int g, int u, int[][] labels, Unit unit) {
    int from = start[g][u];
    int to = unit == Unit.PATIENT ? from + 1 : start[g][u + 1];
    List<Integer> out = new ArrayList<>(to - from);
    for (int k = from; k < to; k++) {
      out.add(labels[stratum[g][k]][rank[g][k]]);
    }
    return out;
  }

  /** Unit u takes the value of unit pi[u]: out[s][rank] for every needed row of the group. */
  void fill(int g, int[] pi, int[][] labels, int[][] out, Unit unit) {
    for (int u = 0; u < pi.length; u++) {
      int source = start[g][pi[u]];
      for (int k = start[g][u], j = 0; k < start[g][u + 1]; k++, j++) {
        int from = unit == Unit.PATIENT ? source : source + j;
        int[] target = out[stratum[g][k]];
        if (target != null) {
          target[rank[g][k]] = labels[stratum[g][from]][rank[g][from]];
        }
      }
    }
  }

  /** Whether unit u taking the value of unit pi[u] leaves every label of group g as it was. */
  boolean keeps(int g, int[] pi, int[][] labels, Unit unit) {
    for (int u = 0; u < pi.length; u++) {
      int source = start[g][pi[u]];
      for (int k = start[g][u], j = 0; k < start[g][u + 1]; k++, j++) {
        int from = unit == Unit.PATIENT ? source : source + j;
        if (labels[stratum[g][from]][rank[g][from]] != labels[stratum[g][k]][rank[g][k]]) {
          return false;
        }
      }
    }
    return true;
  }
}
