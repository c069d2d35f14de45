package org.wsca.math;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one test's permutations may move (docs/method.md section 6): the task's labels of each
 * stratum in sample_id order, and, when patients are known, the exchangeability blocks (PALM's
 * whole-block permutation). Permutation b is a pure function of (seed, task, scope, group, b) over
 * the units of each group in a fixed order, so it does not depend on partitioning.
 *
 * <ul>
 *   <li>{@link Unit#IMAGE}: no patients. A group is a stratum, the units are its rows in sample_id
 *       order; this is {@link Permutations#permuteLabels} per stratum.
 *   <li>{@link Unit#PATIENT}: the task is constant within every patient. A patient's rows take the
 *       value of another patient of its group as a whole. A patient whose rows lie in one stratum
 *       is exchangeable with every such patient of that stratum, whatever their sizes; a patient
 *       spanning strata (strata [site, label], several labels) only with patients holding the same
 *       number of rows in each of the same strata, so the (stratum, value) composition is kept.
 *   <li>{@link Unit#PATIENT_SEQUENCE}: the task varies within some patient. A patient's value
 *       sequence (its rows ordered by stratum, then sample_id) moves as a whole to a patient with
 *       the same number of rows in each stratum: whole equal-shaped blocks, never image by image,
 *       because images of one patient are not exchangeable with other patients' images.
 * </ul>
 *
 * Units of a group are in patient_id order (sample_id order for images). Index b = 0 is the
 * observed labels.
 */
public final class PermutationDesign implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What moves as one piece. */
  public enum Unit {
    IMAGE,
    PATIENT,
    PATIENT_SEQUENCE;

    /** The tests table's spelling: image, patient, patient-sequence. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final List<String> strata;
  private final int[][] labels;
  private final Unit unit;
  private final PatientGroups groups;
  // Driver-side only: not shipped with the design's broadcasts (the batched engine ships it once).
  private final transient SampleRanks ranks;

  private PermutationDesign(
      List<String> strata, int[][] labels, Unit unit, PatientGroups groups, SampleRanks ranks) {
    this.strata = List.copyOf(strata);
    this.labels = labels;
    this.unit = unit;
    this.groups = groups;
    this.ranks = ranks;
  }

  /** The same design, knowing each row's rank by sample_id. */
  public PermutationDesign withRanks(SampleRanks sampleRanks) {
    return new PermutationDesign(strata, labels, unit, groups, sampleRanks);
  }

  /** The rows' ranks by sample_id, when the design was built from rows that had them. */
  public Optional<SampleRanks> ranks() {
    return Optional.ofNullable(ranks);
  }

  /** Images are the units: {@code labels[s]} holds stratum s's labels in sample_id order. */
  public static PermutationDesign images(List<String> strata, int[][] labels) {
    requireShape(strata, labels);
    return new PermutationDesign(strata, labels, Unit.IMAGE, null, null);
  }

  /**
   * Patients are the units: {@code patients[s][r]} is the patient of the row of rank r (sample_id
   * order) in stratum s.
   */
  public static PermutationDesign patients(
      List<String> strata, int[][] labels, String[][] patients) {
    requireShape(strata, labels);
    if (patients.length != labels.length) {
      throw new IllegalArgumentException(
          patients.length + " patient arrays but " + labels.length + " strata");
    }
    Map<String, List<int[]>> rowsByPatient = new TreeMap<>();
    for (int s = 0; s < labels.length; s++) {
      if (patients[s].length != labels[s].length) {
        throw new IllegalArgumentException(
            "Stratum '"
                + strata.get(s)
                + "' has "
                + labels[s].length
                + " labels but "
                + patients[s].length
                + " patient ids");
      }
      for (int r = 0; r < labels[s].length; r++) {
        String patient = patients[s][r];
        if (patient == null) {
          throw new IllegalArgumentException(
              "Row " + r + " of stratum '" + strata.get(s) + "' has no patient id");
        }
        rowsByPatient.computeIfAbsent(patient, k -> new ArrayList<>()).add(new int[] {s, r});
      }
    }
    List<List<int[]>> units = new ArrayList<>(rowsByPatient.values());
    Unit unit =
        units.stream().allMatch(u -> constant(u, labels)) ? Unit.PATIENT : Unit.PATIENT_SEQUENCE;
    return new PermutationDesign(strata, labels, unit, PatientGroups.of(units, strata, unit), null);
  }

  public Unit unit() {
    return unit;
  }

  public List<String> strata() {
    return strata;
  }

  /** The observed labels of stratum s in sample_id order (not copied: do not modify). */
  public int[] labels(int s) {
    return labels[s];
  }

  /** Permutation b of every stratum: out[s][rank]. b = 0 gives the observed labels. */
  public int[][] permuted(long seed, String task, String scope, int b) {
    boolean[] all = new boolean[labels.length];
    Arrays.fill(all, true);
    return permuted(seed, task, scope, b, all);
  }

  /**
   * Permutation b of the strata marked {@code needed} (others are null). A group is computed whole
   * whenever it touches a needed stratum, so the result does not depend on which strata a caller
   * needs.
   */
  public int[][] permuted(long seed, String task, String scope, int b, boolean[] needed) {
    int[][] out = new int[labels.length][];
    if (b == 0 || unit == Unit.IMAGE) {
      for (int s = 0; s < labels.length; s++) {
        if (needed[s]) {
          out[s] =
              b == 0
                  ? labels[s]
                  : Permutations.permuteLabels(labels[s], seed, task, scope, strata.get(s), b);
        }
      }
      return out;
    }
    for (int s = 0; s < labels.length; s++) {
      if (needed[s]) {
        out[s] = new int[labels[s].length];
      }
    }
    for (int g = 0; g < groups.count(); g++) {
      if (groups.touches(g, needed)) {
        int[] pi = Permutations.permutation(seed, task, scope, groups.name(g), b, groups.units(g));
        groups.fill(g, pi, labels, out, unit);
      }
    }
    return out;
  }

  /**
   * True when permutation b leaves every label of every stratum as observed (e.g. a task that does
   * not vary within any stratum): its T_b is the observed T exactly, with no refit.
   */
  public boolean isIdentity(long seed, String task, String scope, int b) {
    // Stops at the first stratum or group that moves a label: the engine asks for every head of
    // a chunk, and building whole permutations of a million rows for each took minutes.
    if (b == 0) {
      return true;
    }
    if (unit == Unit.IMAGE) {
      for (int s = 0; s < labels.length; s++) {
        int[] permuted = Permutations.permuteLabels(labels[s], seed, task, scope, strata.get(s), b);
        if (!Arrays.equals(permuted, labels[s])) {
          return false;
        }
      }
      return true;
    }
    for (int g = 0; g < groups.count(); g++) {
      int[] pi = Permutations.permutation(seed, task, scope, groups.name(g), b, groups.units(g));
      if (!groups.keeps(g, pi, labels, unit)) {
        return false;
      }
    }
    return true;
  }

  /** What the permutations can move, for the testability floor. */
  public Testability testability() {
    long rows = 0;
    for (int[] l : labels) {
      rows += l.length;
    }
    boolean[] moving = new boolean[labels.length];
    long movable = 0;
    double log10 = 0;
    if (unit == Unit.IMAGE) {
      for (int s = 0; s < labels.length; s++) {
        Map<Integer, Long> counts = new HashMap<>();
        for (int label : labels[s]) {
          counts.merge(label, 1L, Long::sum);
        }
        if (counts.size() >= 2) {
          moving[s] = true;
          movable += labels[s].length;
          log10 += log10Multinomial(labels[s].length, counts.values());
        }
      }
    } else {
      for (int g = 0; g < groups.count(); g++) {
        Map<List<Integer>, Long> counts = new HashMap<>();
        for (int u = 0; u < groups.units(g); u++) {
          counts.merge(groups.value(g, u, labels, unit), 1L, Long::sum);
        }
        if (counts.size() >= 2) {
          movable += groups.rows(g);
          log10 += log10Multinomial(groups.units(g), counts.values());
          groups.markStrata(g, moving);
        }
      }
    }
    List<String> movingStrata = new ArrayList<>();
    List<String> fixedStrata = new ArrayList<>();
    for (int s = 0; s < labels.length; s++) {
      if (labels[s].length > 0) {
        (moving[s] ? movingStrata : fixedStrata).add(strata.get(s));
      }
    }
    return new Testability(unit, rows, movable, log10, movingStrata, fixedStrata);
  }

  /** log10 of n! / prod(c!): the number of distinct arrangements of n units with these counts. */
  static double log10Multinomial(long n, Iterable<Long> counts) {
    double out = log10Factorial(n);
    for (long c : counts) {
      out -= log10Factorial(c);
    }
    return out;
  }

  private static double log10Factorial(long n) {
    double out = 0;
    for (long k = 2; k <= n; k++) {
      out += Math.log10(k);
    }
    return out;
  }

  private static boolean constant(List<int[]> rows, int[][] labels) {
    int first = labels[rows.get(0)[0]][rows.get(0)[1]];
    return rows.stream().allMatch(r -> labels[r[0]][r[1]] == first);
  }

  private static void requireShape(List<String> strata, int[][] labels) {
    if (strata.size() != labels.length) {
      throw new IllegalArgumentException(
          strata.size() + " stratum names but " + labels.length + " label arrays");
    }
  }
}
