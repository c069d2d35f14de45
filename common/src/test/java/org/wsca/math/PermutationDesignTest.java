package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationDesignTest {
  private static final long SEED = 20260101L;
  private static final List<String> TWO = List.of("A", "B");

  @Test
  void imageDesignIsPermuteLabelsPerStratum() {
    // Without patients nothing changes from the per-stratum permutation of earlier releases.
    int[][] labels = {{0, 1, 1, 0, 2, 1, 0}, {2, 2, 0, 1, 0}};
    PermutationDesign design = PermutationDesign.images(TWO, labels);
    for (int b = 1; b < 20; b++) {
      int[][] permuted = design.permuted(SEED, "scanner", "pooled", b);
      for (int s = 0; s < 2; s++) {
        assertThat(permuted[s])
            .containsExactly(
                Permutations.permuteLabels(labels[s], SEED, "scanner", "pooled", TWO.get(s), b));
      }
    }
    assertThat(design.unit()).isEqualTo(PermutationDesign.Unit.IMAGE);
  }

  @Test
  void permutationZeroIsTheObservedLabels() {
    Rows rows = Rows.perPatient(new SplittableRandom(1), 2, 12, 3, 3, 0.0);
    int[][] zero = rows.design().permuted(SEED, "t", "pooled", 0);
    for (int s = 0; s < 2; s++) {
      assertThat(zero[s]).containsExactly(rows.labels[s]);
    }
  }

  /**
   * isIdentity stops at the first stratum or group that moves a label; it must still say exactly
   * whether the whole permutation leaves every label as observed. Designs this small hit the
   * identity by chance, so both answers occur.
   */
  @Test
  void isIdentityIsWhetherThePermutationKeepsEveryLabel() {
    List<PermutationDesign> designs =
        List.of(
            PermutationDesign.images(TWO, new int[][] {{0, 1, 0}, {1, 1}}),
            Rows.perPatient(new SplittableRandom(3), 2, 3, 1, 3, 0.0).design(),
            Rows.perPatient(new SplittableRandom(4), 2, 3, 2, 2, 0.5).design());
    for (PermutationDesign design : designs) {
      Set<Boolean> seen = new HashSet<>();
      for (int b = 0; b < 200; b++) {
        int[][] permuted = design.permuted(SEED, "t", "pooled", b);
        boolean keeps = true;
        for (int s = 0; s < permuted.length; s++) {
          keeps &= java.util.Arrays.equals(permuted[s], design.labels(s));
        }
        assertThat(design.isIdentity(SEED, "t", "pooled", b)).as("b = %d", b).isEqualTo(keeps);
        seen.add(keeps);
      }
      assertThat(seen).as(design.unit().label()).containsExactlyInAnyOrder(true, false);
    }
  }

  @Test
  void wholePatientsMoveWithinTheirStratum() {
    // Per-patient values, patients of 1 to 6 images: every patient's rows carry one permuted
    // value, and the permuted patient values of a stratum are a rearrangement of its own.
    Rows rows = Rows.perPatient(new SplittableRandom(2), 2, 15, 1, 6, 0.0);
    PermutationDesign design = rows.design();
    assertThat(design.unit()).isEqualTo(PermutationDesign.Unit.PATIENT);
    boolean someMoved = false;
    for (int b = 1; b <= 50; b++) {
      int[][] permuted = design.permuted(SEED, "cervix", "pooled", b);
      for (int s = 0; s < 2; s++) {
        Map<String, Integer> observed = rows.valueByPatient(s, rows.labels[s]);
        Map<String, Integer> moved = rows.valueByPatient(s, permuted[s]);
        assertThat(sorted(moved.values())).isEqualTo(sorted(observed.values()));
        someMoved |= !moved.equals(observed);
      }
    }
    assertThat(someMoved).isTrue();
  }

  @Test
  void aVaryingTaskMovesWholeSequencesAmongPatientsOfTheSameShape() {
    // The value varies within patients: a patient's value sequence moves as a whole, and only to
    // a patient with as many images in the stratum.
    Rows rows = Rows.perPatient(new SplittableRandom(3), 1, 30, 2, 4, 0.5);
    PermutationDesign design = rows.design();
    assertThat(design.unit()).isEqualTo(PermutationDesign.Unit.PATIENT_SEQUENCE);
    for (int b = 1; b <= 50; b++) {
      int[] permuted = design.permuted(SEED, "scanner", "pooled", b)[0];
      Map<Integer, List<List<Integer>>> observed = rows.sequencesBySize(0, rows.labels[0]);
      Map<Integer, List<List<Integer>>> moved = rows.sequencesBySize(0, permuted);
      for (int size : observed.keySet()) {
        List<String> a = strings(observed.get(size));
        List<String> c = strings(moved.get(size));
        assertThat(c).containsExactlyInAnyOrderElementsOf(a);
      }
    }
  }

  @Test
  void aPatientSpanningStrataMovesOnlyToPatientsOfTheSameShape() {
    // Strata (site, label): p1 and p2 each have one image in A|x and one in A|y, p3 has two in A|x.
    List<String> strata = List.of("A|x", "A|y");
    int[][] labels = {{0, 1, 1, 1}, {0, 1}};
    String[][] patients = {{"p1", "p2", "p3", "p3"}, {"p1", "p2"}};
    PermutationDesign design = PermutationDesign.patients(strata, labels, patients);
    assertThat(design.unit()).isEqualTo(PermutationDesign.Unit.PATIENT);
    Set<String> seen = new HashSet<>();
    for (int b = 1; b <= 40; b++) {
      int[][] permuted = design.permuted(SEED, "t", "pooled", b);
      assertThat(new int[] {permuted[0][2], permuted[0][3]}).containsExactly(1, 1);
      assertThat(permuted[0][0]).isEqualTo(permuted[1][0]);
      assertThat(permuted[0][1]).isEqualTo(permuted[1][1]);
      seen.add(permuted[0][0] + "," + permuted[0][1]);
    }
    assertThat(seen).containsExactlyInAnyOrder("0,1", "1,0");
  }

  @Test
  void permutationsDoNotDependOnWhichStrataAPartitionNeeds() {
    // A partition holds some strata only; it computes each group whole, so its rows get the
    // labels they would get in any other partitioning. Patients here span two strata each.
    Rows rows = Rows.perPatient(new SplittableRandom(4), 4, 10, 1, 5, 0.0).spanningPairs();
    PermutationDesign design = rows.design();
    SplittableRandom random = new SplittableRandom(5);
    for (int b = 1; b <= 20; b++) {
      int[][] all = design.permuted(SEED, "t", "site=A", b);
      assertThat(design.permuted(SEED, "t", "site=A", b)).isDeepEqualTo(all);
      boolean[] needed = new boolean[4];
      for (int s = 0; s < 4; s++) {
        needed[s] = random.nextBoolean();
      }
      int[][] some = design.permuted(SEED, "t", "site=A", b, needed);
      for (int s = 0; s < 4; s++) {
        assertThat(some[s]).isEqualTo(needed[s] ? all[s] : null);
      }
    }
  }

  @Test
  void everyArrangementOfThreePatientsIsEquallyLikely() {
    // 3 patients of values 0, 1, 2 (sizes 1, 2, 3) in one stratum; 6000 draws, each of the 6
    // arrangements expected 1000 times, binomial sd 28.9; 5 sigma fails with probability < 1e-5.
    int[][] labels = {{0, 1, 1, 2, 2, 2}};
    String[][] patients = {{"a", "b", "b", "c", "c", "c"}};
    PermutationDesign design = PermutationDesign.patients(List.of("A"), labels, patients);
    Map<String, Integer> counts = new HashMap<>();
    for (int b = 1; b <= 6000; b++) {
      int[] p = design.permuted(SEED, "t", "pooled", b)[0];
      counts.merge(p[0] + "" + p[1] + p[3], 1, Integer::sum);
    }
    assertThat(counts).hasSize(6);
    double sigma = Math.sqrt(6000 * (1.0 / 6) * (5.0 / 6));
    assertThat(counts.values())
        .allSatisfy(c -> assertThat(Math.abs(c - 1000.0)).isLessThan(5 * sigma));
  }

  @Test
  void testabilityOfImagesCountsRowsInVaryingStrataAndTheMultinomial() {
    // Stratum A: 2 x 0 and 2 x 1 -> 4!/(2!2!) = 6 arrangements; B: one value -> fixed; C: 3 x 0,
    // 1 x 1, 1 x 2 -> 5!/3! = 20. Distinct relabelings 6 * 20 = 120.
    int[][] labels = {{0, 1, 0, 1}, {2, 2, 2}, {0, 0, 1, 0, 2}};
    Testability t = PermutationDesign.images(List.of("A", "B", "C"), labels).testability();
    assertThat(t.rows()).isEqualTo(12);
    assertThat(t.movableRows()).isEqualTo(9);
    assertThat(Math.pow(10, t.log10Permutations())).isCloseTo(120.0, within(1e-9));
    assertThat(t.movingStrata()).containsExactly("A", "C");
    assertThat(t.fixedStrata()).containsExactly("B");
  }

  @Test
  void oneValuePerStratumIsNotTestable() {
    // One scanner per site: every within-site permutation is the identity.
    int[][] labels = {{0, 0, 0}, {1, 1}, {2, 2, 2, 2}};
    Testability t = PermutationDesign.images(List.of("A", "B", "C"), labels).testability();
    assertThat(t.movableRows()).isZero();
    assertThat(t.log10Permutations()).isZero();
    assertThat(t.fixedStrata()).containsExactly("A", "B", "C");
  }

  @Test
  void testabilityOfPatientsCountsPatientsNotImages() {
    // Stratum A: patients a (3 images, value 0), b (1 image, 1), c (2 images, 1): 3!/(1!2!) = 3
    // arrangements of patient values, although 6 images 3/3 would give 20. Stratum B: one patient.
    int[][] labels = {{0, 0, 0, 1, 1, 1}, {0, 0}};
    String[][] patients = {{"a", "a", "a", "b", "c", "c"}, {"d", "d"}};
    Testability t = PermutationDesign.patients(TWO, labels, patients).testability();
    assertThat(t.unit()).isEqualTo(PermutationDesign.Unit.PATIENT);
    assertThat(t.movableRows()).isEqualTo(6);
    assertThat(Math.pow(10, t.log10Permutations())).isCloseTo(3.0, within(1e-9));
    assertThat(t.fixedStrata()).containsExactly("B");
  }

  @Test
  void testabilityOfSequencesGroupsPatientsByShape() {
    // a and b have 2 images with sequences (0,1) and (1,1): exchangeable, 2 arrangements;
    // c alone has 3 images: it cannot move.
    int[][] labels = {{0, 1, 1, 1, 0, 0, 1}};
    String[][] patients = {{"a", "a", "b", "b", "c", "c", "c"}};
    Testability t = PermutationDesign.patients(List.of("A"), labels, patients).testability();
    assertThat(t.unit()).isEqualTo(PermutationDesign.Unit.PATIENT_SEQUENCE);
    assertThat(t.movableRows()).isEqualTo(4);
    assertThat(Math.pow(10, t.log10Permutations())).isCloseTo(2.0, within(1e-9));
    assertThat(t.movingStrata()).containsExactly("A");
  }

  @Test
  void log10MultinomialMatchesExactValues() {
    // 10!/(3!3!4!) = 4200; 52!/(13!^4) = 53644737765488792839237440000 (exact integer).
    assertThat(PermutationDesign.log10Multinomial(10, List.of(3L, 3L, 4L)))
        .isCloseTo(Math.log10(4200), within(1e-12));
    assertThat(PermutationDesign.log10Multinomial(52, List.of(13L, 13L, 13L, 13L)))
        .isCloseTo(Math.log10(5.3644737765488792839237440000e28), within(1e-10));
  }

  @Test
  void mismatchedInputsAreRefused() {
    assertThatThrownBy(() -> PermutationDesign.images(TWO, new int[][] {{0}}))
        .hasMessageContaining("2 stratum names but 1 label arrays");
    assertThatThrownBy(
            () ->
                PermutationDesign.patients(
                    TWO, new int[][] {{0}, {1}}, new String[][] {{"a"}, {"b", "c"}}))
        .hasMessageContaining("Stratum 'B' has 1 labels but 2 patient ids");
  }

  private static org.assertj.core.data.Offset<Double> within(double tolerance) {
    return org.assertj.core.data.Offset.offset(tolerance);
  }

  private static List<Integer> sorted(java.util.Collection<Integer> values) {
    List<Integer> out = new ArrayList<>(values);
    out.sort(null);
    return out;
  }

  private static List<String> strings(List<List<Integer>> sequences) {
    return sequences.stream().map(Object::toString).toList();
  }

  /**
   * Synthetic rows: per stratum, patients with 'min'..'max' images and a value per image; the
   * arrays are in sample_id order (sample ids are "s<stratum>-<patient>-<image>", zero-padded).
   */
  private static final class Rows {
    final List<String> strata;
    final int[][] labels;
    final String[][] patients;

    private Rows(List<String> strata, int[][] labels, String[][] patients) {
      this.strata = strata;
      this.labels = labels;
      this.patients = patients;
    }

    /** Each image keeps its patient's value, or with probability 'vary' draws its own. */
    static Rows perPatient(
        SplittableRandom random, int strataCount, int patientsPer, int min, int max, double vary) {
      List<String> strata = new ArrayList<>();
      int[][] labels = new int[strataCount][];
      String[][] patients = new String[strataCount][];
      for (int s = 0; s < strataCount; s++) {
        strata.add("site" + s);
        List<Integer> l = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int i = 0; i < patientsPer; i++) {
          int value = random.nextInt(2);
          int images = min + random.nextInt(max - min + 1);
          for (int j = 0; j < images; j++) {
            l.add(random.nextDouble() < vary ? random.nextInt(2) : value);
            p.add(String.format("s%d-p%03d", s, i));
          }
        }
        labels[s] = l.stream().mapToInt(Integer::intValue).toArray();
        patients[s] = p.toArray(new String[0]);
      }
      return new Rows(strata, labels, patients);
    }

    PermutationDesign design() {
      return PermutationDesign.patients(strata, labels, patients);
    }

    /** Patients of strata 2k and 2k+1 renamed alike, so each spans two strata (site, label). */
    Rows spanningPairs() {
      String[][] renamed = new String[patients.length][];
      for (int s = 0; s < patients.length; s++) {
        int pair = s / 2;
        renamed[s] =
            java.util.Arrays.stream(patients[s])
                .map(p -> "pair" + pair + p.substring(p.indexOf('-')))
                .toArray(String[]::new);
      }
      return new Rows(strata, labels, renamed);
    }

    Map<String, Integer> valueByPatient(int s, int[] values) {
      Map<String, Integer> out = new HashMap<>();
      for (int r = 0; r < values.length; r++) {
        Integer previous = out.put(patients[s][r], values[r]);
        assertThat(previous == null || previous == values[r])
            .as("patient %s has one value", patients[s][r])
            .isTrue();
      }
      return out;
    }

    Map<Integer, List<List<Integer>>> sequencesBySize(int s, int[] values) {
      Map<String, List<Integer>> byPatient = new java.util.TreeMap<>();
      for (int r = 0; r < values.length; r++) {
        byPatient.computeIfAbsent(patients[s][r], k -> new ArrayList<>()).add(values[r]);
      }
      Map<Integer, List<List<Integer>>> out = new HashMap<>();
      byPatient.values().forEach(v -> out.computeIfAbsent(v.size(), k -> new ArrayList<>()).add(v));
      return out;
    }
  }
}
