package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of the finding 2, with a pure statistic and the pure permutation code
 * (no Spark): metadata constant within a patient (or within an exam), embeddings correlated within
 * a patient. Shuffling images is anti-conservative; moving whole patients is exact.
 *
 * <p>Model: 2 sites (strata) of 20 patients; image j of patient i: x = site shift + u_i (+ v_exam)
 * + e_ij with u, v, e ~ N(0, 1); the metadata z is Bernoulli(1/2) per patient (or per exam),
 * independent of x (the null holds). Statistic |mean x(z = 1) - mean x(z = 0)|, B = 99, reject when
 * p <= 0.05. Each setting runs R = 1000 seeded data sets.
 *
 * <p>Bounds: with whole patients moving the test is exact, P(p <= 0.05) = 5/100 (a continuous
 * statistic, no ties), so the rejections are Binomial(500, 0.05) (mean 25); the test fails when
 * they fall outside [11, 42], which has probability below 2 * 0.0005 (computed below by {@link
 * Binomial}). Image shuffling ignores the within-patient correlation: the permutation null's
 * variance is that of independent images, (s_u^2 + s_e^2) / (k n), the true one (k s_u^2 + s_e^2) /
 * (k n), a ratio of 2.5 for k = 4 and 4.5 for k = 8, so its rejection rate is about P(|Z| > 1.96 /
 * sqrt(ratio)) = 0.215 and 0.356. Assuming only 0.15 and 0.27, the lower bounds 116 and 230 fail
 * with probability below 1e-3.
 */
class BlockPermutationCalibrationTest {
  private static final int REPLICATES = 500;
  private static final int PERMUTATIONS = 99;
  private static final int PATIENTS_PER_SITE = 20;
  private static final List<String> SITES = List.of("A", "B");

  @Test
  void theBoundsHaveTheStatedErrorProbabilities() {
    assertThat(Binomial.upperTail(REPLICATES, 0.05, 43)).isLessThan(5e-4);
    assertThat(Binomial.lowerTail(REPLICATES, 0.05, 10)).isLessThan(5e-4);
    assertThat(Binomial.lowerTail(REPLICATES, 0.15, 50)).isLessThan(1e-3);
    assertThat(Binomial.lowerTail(REPLICATES, 0.27, 104)).isLessThan(1e-3);
  }

  @Test
  void shufflingImagesOfFourPerPatientIsAntiConservative() {
    assertThat(rejections(4, Level.PATIENT, false)).isGreaterThanOrEqualTo(51);
  }

  @Test
  void shufflingImagesOfEightPerPatientIsAntiConservative() {
    assertThat(rejections(8, Level.PATIENT, false)).isGreaterThanOrEqualTo(105);
  }

  @Test
  void wholePatientsOfFourAreCalibrated() {
    assertThat(rejections(4, Level.PATIENT, true)).isBetween(11, 42);
  }

  @Test
  void wholePatientsOfEightAreCalibrated() {
    assertThat(rejections(8, Level.PATIENT, true)).isBetween(11, 42);
  }

  @Test
  void wholePatientsOfUnequalSizesAreCalibrated() {
    // 1 to 8 images per patient (k = 0 draws a size per patient): per-patient values still move
    // among all patients of the site.
    assertThat(rejections(0, Level.PATIENT, true)).isBetween(11, 42);
  }

  @Test
  void aValuePerExamMovesAsWholePatientSequencesAndIsCalibrated() {
    // Two exams of 4 images each; z is drawn per exam, so it varies within patients: the design
    // falls back to equal-shape patient sequences, which keep the exam structure.
    assertThat(rejections(8, Level.EXAM, true)).isBetween(11, 42);
  }

  private enum Level {
    PATIENT,
    EXAM
  }

  /** How many of the R null data sets reject at p <= 0.05. */
  private static int rejections(int imagesPerPatient, Level level, boolean blocks) {
    int rejected = 0;
    for (int rep = 0; rep < REPLICATES; rep++) {
      Data data =
          Data.draw(new SplittableRandom(7919L * rep + imagesPerPatient), imagesPerPatient, level);
      PermutationDesign design =
          blocks
              ? PermutationDesign.patients(SITES, data.z, data.patients)
              : PermutationDesign.images(SITES, data.z);
      if (blocks) {
        assertThat(design.unit())
            .isEqualTo(
                level == Level.PATIENT
                    ? PermutationDesign.Unit.PATIENT
                    : PermutationDesign.Unit.PATIENT_SEQUENCE);
      }
      double observed = statistic(data.x, data.z);
      int atLeast = 0;
      for (int b = 1; b <= PERMUTATIONS; b++) {
        int[][] permuted = design.permuted(1000L + rep, "z", "pooled", b);
        atLeast += statistic(data.x, permuted) >= observed ? 1 : 0;
      }
      double p = (1.0 + atLeast) / (PERMUTATIONS + 1.0);
      rejected += p <= 0.05 ? 1 : 0;
    }
    System.out.printf(
        "SIM k=%d %s blocks=%s rejections=%d%n", imagesPerPatient, level, blocks, rejected);
    return rejected;
  }

  /** |mean x over z = 1 - mean x over z = 0|, pooled over the sites. */
  private static double statistic(double[][] x, int[][] z) {
    double[] sum = new double[2];
    long[] count = new long[2];
    for (int s = 0; s < x.length; s++) {
      for (int r = 0; r < x[s].length; r++) {
        sum[z[s][r]] += x[s][r];
        count[z[s][r]]++;
      }
    }
    if (count[0] == 0 || count[1] == 0) {
      return 0.0;
    }
    return Math.abs(sum[1] / count[1] - sum[0] / count[0]);
  }

  /** Rows of each site in sample_id order (patients in id order, images in order within them). */
  private record Data(double[][] x, int[][] z, String[][] patients) {
    static Data draw(SplittableRandom random, int imagesPerPatient, Level level) {
      double[][] x = new double[SITES.size()][];
      int[][] z = new int[SITES.size()][];
      String[][] patients = new String[SITES.size()][];
      for (int s = 0; s < SITES.size(); s++) {
        List<Double> xs = new ArrayList<>();
        List<Integer> zs = new ArrayList<>();
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < PATIENTS_PER_SITE; i++) {
          int images = imagesPerPatient > 0 ? imagesPerPatient : 1 + random.nextInt(8);
          double u = gaussian(random);
          int patientValue = random.nextInt(2);
          int exams = level == Level.EXAM ? 2 : 1;
          for (int e = 0; e < exams; e++) {
            double v = level == Level.EXAM ? gaussian(random) : 0.0;
            int value = level == Level.EXAM ? random.nextInt(2) : patientValue;
            for (int j = 0; j < images / exams; j++) {
              xs.add(0.5 * s + u + v + gaussian(random));
              zs.add(value);
              ps.add(String.format("%s-p%03d", SITES.get(s), i));
            }
          }
        }
        x[s] = xs.stream().mapToDouble(Double::doubleValue).toArray();
        z[s] = zs.stream().mapToInt(Integer::intValue).toArray();
        patients[s] = ps.toArray(new String[0]);
      }
      return new Data(x, z, patients);
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
