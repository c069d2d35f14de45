package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchLbfgsTest {
  private static final BatchLbfgs.Listener QUIET = progress -> {};

  /** f_h(x) = 1/2 x'A_h x - b_h'x + 1 has its minimum at A_h^-1 b_h. */
  @Test
  void quadraticHeadsReachTheirClosedFormMinimum() {
    Quadratics quadratics = new Quadratics(4, 6, 17);
    List<HeadSolution> solutions =
        new BatchLbfgs(new BatchLbfgs.Options(10, 200, 600, 1e-12))
            .minimize(quadratics, new double[4][6], QUIET);
    for (int h = 0; h < 4; h++) {
      double[] expected = NewtonLogistic.Gauss.solve(quadratics.a[h], quadratics.b[h]);
      assertThat(solutions.get(h).converged()).as("head %d", h).isTrue();
      assertClose(solutions.get(h).point(), expected, 1e-7);
    }
  }

  @Test
  void headsLeaveTheBatchWhenTheyConverge() {
    Quadratics quadratics = new Quadratics(4, 6, 17);
    List<HeadSolution> solutions =
        new BatchLbfgs(new BatchLbfgs.Options(10, 200, 600, 1e-12))
            .minimize(quadratics, new double[4][6], QUIET);
    // Head 0 (the identity) needs a couple of steps; head 3 (condition 1000) many more.
    assertThat(solutions.get(0).evaluations()).isLessThan(solutions.get(3).evaluations());
    assertThat(quadratics.evaluated[0]).isEqualTo(solutions.get(0).evaluations());
    assertThat(quadratics.evaluated[3]).isEqualTo(solutions.get(3).evaluations());
  }

  /** Work counts the objective's calls and the heads it evaluated, from the solutions alone. */
  @Test
  void workCountsPassesAndHeadEvaluations() {
    Quadratics quadratics = new Quadratics(4, 6, 17);
    long[] calls = {0, 0};
    BatchObjective counted =
        (heads, points) -> {
          calls[0]++;
          calls[1] += heads.length;
          return quadratics.evaluate(heads, points);
        };
    List<HeadSolution> solutions =
        new BatchLbfgs(new BatchLbfgs.Options(10, 200, 600, 1e-12))
            .minimize(counted, new double[4][6], QUIET);
    assertThat(Work.of(solutions)).isEqualTo(new Work(calls[0], calls[1]));
    assertThat(calls[1]).isLessThan(4 * calls[0]);
  }

  /**
   * Against Newton's method in raw coordinates (NewtonLogistic), with the optimiser working in
   * standardised coordinates: checks the objective, the L-BFGS and the map back together. Tolerance
   * 1e-6: tol = 1e-12 stops at ||grad|| <= 1e-8 in scaled coordinates.
   */
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void logisticHeadsMatchNewton(int classes) {
    Synthetic data = Synthetic.draw(11, 400, 4, classes);
    int[][] labels = {data.y, data.shuffled(5), data.shuffled(6)};
    List<HeadSolution> solutions = fit(data, labels, new BatchLbfgs.Options(10, 500, 2000, 1e-12));
    for (int h = 0; h < labels.length; h++) {
      double[] newton = new NewtonLogistic(data.x, labels[h], classes, 0.01).solve();
      LinearHead head = data.standardizer().toRaw(data.shape(), solutions.get(h).point());
      assertThat(solutions.get(h).converged()).as("head %d", h).isTrue();
      assertClose(flatten(head), newton, 1e-6);
    }
  }

  /** With MLlib's default tol = 1e-6 the heads are still close to the optimum. */
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void defaultToleranceGivesNearlyTheOptimum(int classes) {
    Synthetic data = Synthetic.draw(12, 400, 5, classes);
    int[][] labels = {data.y, data.shuffled(8)};
    List<HeadSolution> solutions = fit(data, labels, BatchLbfgs.Options.mllib(100, 1e-6));
    for (int h = 0; h < labels.length; h++) {
      double[] newton = new NewtonLogistic(data.x, labels[h], classes, 0.01).solve();
      double[] fitted = flatten(data.standardizer().toRaw(data.shape(), solutions.get(h).point()));
      assertThat(solutions.get(h).converged()).isTrue();
      assertThat(cosine(fitted, newton)).as("head %d", h).isGreaterThan(0.9999);
    }
  }

  @Test
  void headsStoppedByTheIterationLimitAreNotConverged() {
    Synthetic data = Synthetic.draw(13, 200, 4, 3);
    List<HeadSolution> solutions =
        fit(data, new int[][] {data.y}, new BatchLbfgs.Options(10, 2, 100, 1e-12));
    assertThat(solutions.get(0).status()).isEqualTo(HeadStatus.MAX_ITERATIONS);
    assertThat(solutions.get(0).converged()).isFalse();
    assertThat(solutions.get(0).iterations()).isEqualTo(2);
  }

  @Test
  void headsStoppedByThePassCapAreNotConverged() {
    Synthetic data = Synthetic.draw(14, 200, 4, 2);
    int[][] labels = {data.y, data.shuffled(1)};
    List<HeadSolution> solutions = fit(data, labels, new BatchLbfgs.Options(10, 100, 3, 1e-12));
    assertThat(solutions)
        .allSatisfy(
            s -> {
              assertThat(s.status()).isEqualTo(HeadStatus.EVALUATION_CAP);
              assertThat(s.evaluations()).isEqualTo(3);
            });
  }

  @Test
  void reportsProgressAfterEveryPass() {
    Synthetic data = Synthetic.draw(15, 100, 3, 2);
    int[] passes = {0};
    List<HeadSolution> solutions =
        new BatchLbfgs(BatchLbfgs.Options.mllib(100, 1e-6))
            .minimize(
                data.objective(0.01, 50, new int[][] {data.y}),
                new double[][] {data.shape().start(data.classCounts(data.y))},
                progress -> passes[0] = progress.pass());
    assertThat(passes[0]).isEqualTo(solutions.get(0).evaluations());
  }

  private static List<HeadSolution> fit(
      Synthetic data, int[][] labels, BatchLbfgs.Options options) {
    double[][] starts = new double[labels.length][];
    for (int h = 0; h < labels.length; h++) {
      starts[h] = data.shape().start(data.classCounts(labels[h]));
    }
    return new BatchLbfgs(options).minimize(data.objective(0.01, 64, labels), starts, QUIET);
  }

  /** Coefficients row by row, then intercepts: NewtonLogistic's layout. */
  static double[] flatten(LinearHead head) {
    int rows = head.coefficients().length;
    int d = head.coefficients()[0].length;
    double[] out = new double[rows * (d + 1)];
    for (int k = 0; k < rows; k++) {
      System.arraycopy(head.coefficients()[k], 0, out, k * d, d);
      out[rows * d + k] = head.intercepts()[k];
    }
    return out;
  }

  static void assertClose(double[] actual, double[] expected, double tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(tolerance));
    }
  }

  private static double cosine(double[] a, double[] b) {
    return Dense.dot(a, b) / (Dense.norm(a) * Dense.norm(b));
  }

  /** Heads of increasing condition number; head 0 is the identity. Counts evaluations. */
  private static final class Quadratics implements BatchObjective {
    final double[][][] a;
    final double[][] b;
    final int[] evaluated;

    Quadratics(int heads, int d, long seed) {
      Random random = new Random(seed);
      a = new double[heads][][];
      b = new double[heads][d];
      evaluated = new int[heads];
      for (int h = 0; h < heads; h++) {
        a[h] = spd(random, d, Math.pow(10, h));
        for (int j = 0; j < d; j++) {
          b[h][j] = random.nextGaussian();
        }
      }
    }

    @Override
    public Evaluations evaluate(int[] heads, double[][] points) {
      double[] values = new double[heads.length];
      double[][] gradients = new double[heads.length][];
      for (int i = 0; i < heads.length; i++) {
        int h = heads[i];
        evaluated[h]++;
        double[] ax = multiply(a[h], points[i]);
        values[i] = 0.5 * Dense.dot(points[i], ax) - Dense.dot(b[h], points[i]) + 1.0;
        gradients[i] = Dense.minus(ax, b[h]);
      }
      return new Evaluations(values, gradients);
    }

    /** Q diag(1..condition) Q' with a random orthogonal Q (Gram-Schmidt); identity if 1. */
    private static double[][] spd(Random random, int d, double condition) {
      double[][] q = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          q[i][j] = condition == 1 ? (i == j ? 1 : 0) : random.nextGaussian();
        }
        for (int k = 0; k < i; k++) {
          Dense.axpy(-Dense.dot(q[i], q[k]), q[k], q[i]);
        }
        Dense.scale(1.0 / Dense.norm(q[i]), q[i]);
      }
      double[][] out = new double[d][d];
      for (int k = 0; k < d; k++) {
        double eigenvalue = 1.0 + (condition - 1.0) * k / (d - 1.0);
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            out[i][j] += eigenvalue * q[k][i] * q[k][j];
          }
        }
      }
      return out;
    }

    private static double[] multiply(double[][] m, double[] x) {
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = Dense.dot(m[i], x);
      }
      return out;
    }
  }
}
