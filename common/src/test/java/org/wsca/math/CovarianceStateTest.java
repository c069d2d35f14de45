package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CovarianceStateTest {

  @Test
  void goldenEigenvaluesOfSmallCsv() {
    // Reference: small.reference.json pca.eigenvalues, numpy.linalg.eigh(np.cov(X, rowvar=False)).
    // Tolerance 1e-12 absolute on eigenvalues between 0.04 and 8.3.
    CovarianceState state = addAll(new CovarianceState(6), GoldenData.features());
    assertThat(state.count()).isEqualTo(240);
    SymmetricEigen eigen = SymmetricEigen.decompose(state.covariance());
    Approx.assertClose(eigen.values(), GoldenData.doubles("/pca/eigenvalues"), 1e-12);
  }

  @Test
  void agreesWithTwoPassOnDataWithALargeOffset() {
    // Values 1e6 + correlated noise of scale ~1: the naive sum(x x') / n - mean mean' would lose
    // all digits. Two-pass reference; tolerance 1e-9 relative to sqrt(C_ii C_jj).
    double[][] rows = correlatedRows(5_000, 7, 1e6, 11);
    CovarianceState state = addAll(new CovarianceState(7), rows);
    Approx.assertCovarianceClose(state.covariance(), GoldenData.twoPassCovariance(rows), 1e-9);
    Approx.assertClose(state.mean(), twoPassMean(rows), 1e-6);
  }

  @Test
  void agreesWithTwoPassInHigherDimension() {
    // d = 300 exercises dsyrk with a d x 256 block and a partial last block (700 = 2 x 256 + 188).
    double[][] rows = correlatedRows(700, 300, 5.0, 3);
    CovarianceState state = addAll(new CovarianceState(300), rows);
    Approx.assertCovarianceClose(state.covariance(), GoldenData.twoPassCovariance(rows), 1e-12);
  }

  @Test
  void mergeIsAssociativeOverChunkingsAndOrders() {
    // Reference: the single-chunk covariance; tolerance 1e-12 relative to sqrt(C_ii C_jj).
    double[][] rows = correlatedRows(2_000, 5, 10.0, 5);
    double[][] whole = addAll(new CovarianceState(5), rows).covariance();
    SplittableRandom random = new SplittableRandom(17);
    for (int chunks : new int[] {1, 3, 7}) {
      List<CovarianceState> parts = chunk(rows, chunks, random);
      Approx.assertCovarianceClose(foldLeft(parts), whole, 1e-12);
      Approx.assertCovarianceClose(foldRight(chunk(rows, chunks, random)), whole, 1e-12);
      Approx.assertCovarianceClose(tree(chunk(rows, chunks, random)), whole, 1e-12);
      List<CovarianceState> shuffled = chunk(rows, chunks, random);
      Collections.shuffle(shuffled, new java.util.Random(chunks));
      Approx.assertCovarianceClose(foldLeft(shuffled), whole, 1e-12);
    }
  }

  @Test
  void mergingAnEmptyStateChangesNothing() {
    double[][] rows = correlatedRows(50, 3, 0.0, 1);
    double[][] expected = addAll(new CovarianceState(3), rows).covariance();
    CovarianceState left = addAll(new CovarianceState(3), rows).merge(new CovarianceState(3));
    CovarianceState right = new CovarianceState(3).merge(addAll(new CovarianceState(3), rows));
    Approx.assertClose(left.covariance(), expected, 0.0);
    Approx.assertClose(right.covariance(), expected, 0.0);
    assertThat(right.count()).isEqualTo(50);
  }

  @Test
  void serializationWithPendingRowsKeepsThem() throws Exception {
    // 300 rows = one folded block of 256 + 44 rows still buffered when serialized.
    double[][] rows = correlatedRows(600, 4, 100.0, 9);
    CovarianceState original = addAll(new CovarianceState(4), Arrays.copyOfRange(rows, 0, 300));
    CovarianceState copy = roundTrip(original);
    assertThat(copy.count()).isEqualTo(300);
    double[][] tail = Arrays.copyOfRange(rows, 300, 600);
    addAll(original, tail);
    addAll(copy, tail);
    // Both continue from identical folded statistics, so they agree bit for bit.
    Approx.assertClose(copy.covariance(), original.covariance(), 0.0);
    Approx.assertClose(copy.mean(), original.mean(), 0.0);
    Approx.assertCovarianceClose(copy.covariance(), GoldenData.twoPassCovariance(rows), 1e-12);
  }

  @Test
  void serializedStatesMergeLikeLocalOnes() throws Exception {
    double[][] rows = correlatedRows(400, 4, 0.0, 21);
    CovarianceState a = roundTrip(addAll(new CovarianceState(4), Arrays.copyOfRange(rows, 0, 123)));
    CovarianceState b =
        roundTrip(addAll(new CovarianceState(4), Arrays.copyOfRange(rows, 123, 400)));
    Approx.assertCovarianceClose(
        a.merge(b).covariance(), GoldenData.twoPassCovariance(rows), 1e-12);
  }

  @Test
  void smallCountsAndClosedForm() {
    // Rows (1, 2), (3, 6): mean (2, 4); covariance with n - 1 = 1: [[2, 4], [4, 8]].
    CovarianceState state =
        new CovarianceState(2).add(new double[] {1, 2}).add(new double[] {3, 6});
    Approx.assertClose(state.mean(), new double[] {2, 4}, 0.0);
    Approx.assertClose(state.covariance(), new double[][] {{2, 4}, {4, 8}}, 1e-15);
    assertThat(state.dimension()).isEqualTo(2);
  }

  @Test
  void reportsMisuseClearly() {
    CovarianceState state = new CovarianceState(3);
    assertThatThrownBy(() -> state.add(new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 2")
        .hasMessageContaining("dimension 3");
    assertThatThrownBy(state::mean).isInstanceOf(IllegalStateException.class);
    state.add(new double[3]);
    assertThatThrownBy(state::covariance)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> state.merge(new CovarianceState(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 and 4");
    assertThatThrownBy(() -> new CovarianceState(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constantDataHasZeroCovariance() {
    CovarianceState state = new CovarianceState(2);
    for (int i = 0; i < 600; i++) {
      state.add(new double[] {1e6, -3});
    }
    Approx.assertClose(state.covariance(), new double[2][2], 0.0);
    assertThat(state.mean()[0]).isCloseTo(1e6, within(0.0));
  }

  /** Rows offset + L z with z standard normal and a fixed random lower-triangular L. */
  private static double[][] correlatedRows(int n, int d, double offset, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    java.util.Random normal = new java.util.Random(seed);
    double[][] mixing = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        mixing[i][j] = random.nextDouble(-1, 1);
      }
    }
    double[][] rows = new double[n][d];
    double[] z = new double[d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        z[j] = normal.nextGaussian();
      }
      for (int i = 0; i < d; i++) {
        row[i] = offset + Vectors.dot(mixing[i], z);
      }
    }
    return rows;
  }

  private static double[] twoPassMean(double[][] rows) {
    double[] mean = new double[rows[0].length];
    for (double[] row : rows) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += row[j] / rows.length;
      }
    }
    return mean;
  }

  private static CovarianceState addAll(CovarianceState state, double[][] rows) {
    for (double[] row : rows) {
      state.add(row);
    }
    return state;
  }

  /** Splits rows at random cut points into the given number of non-empty chunks. */
  private static List<CovarianceState> chunk(double[][] rows, int chunks, SplittableRandom random) {
    int[] cuts = random.ints(chunks - 1, 1, rows.length).sorted().distinct().toArray();
    List<CovarianceState> parts = new ArrayList<>();
    int start = 0;
    for (int cut : cuts) {
      parts.add(addAll(new CovarianceState(rows[0].length), Arrays.copyOfRange(rows, start, cut)));
      start = cut;
    }
    parts.add(
        addAll(new CovarianceState(rows[0].length), Arrays.copyOfRange(rows, start, rows.length)));
    assertThat(parts).hasSize(chunks);
    return parts;
  }

  private static double[][] foldLeft(List<CovarianceState> parts) {
    CovarianceState total = parts.get(0);
    for (CovarianceState part : parts.subList(1, parts.size())) {
      total = total.merge(part);
    }
    return total.covariance();
  }

  private static double[][] foldRight(List<CovarianceState> parts) {
    CovarianceState total = parts.get(parts.size() - 1);
    for (int i = parts.size() - 2; i >= 0; i--) {
      total = parts.get(i).merge(total);
    }
    return total.covariance();
  }

  private static double[][] tree(List<CovarianceState> parts) {
    List<CovarianceState> level = new ArrayList<>(parts);
    while (level.size() > 1) {
      List<CovarianceState> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(i + 1 < level.size() ? level.get(i).merge(level.get(i + 1)) : level.get(i));
      }
      level = next;
    }
    return level.get(0).covariance();
  }

  private static CovarianceState roundTrip(CovarianceState state)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (CovarianceState) in.readObject();
    }
  }
}
