package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogisticBatchTest {
  private static final double LAMBDA = 0.05;

  /** Central differences, step 1e-6: truncation and rounding both stay below 1e-7 here. */
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void gradientMatchesFiniteDifferences(int classes) {
    Synthetic data = Synthetic.draw(7, 50, 4, classes);
    BlockObjective objective = data.objective(LAMBDA, 16, new int[][] {data.y, data.shuffled(3)});
    int[] heads = {1, 0};
    double[][] points = randomPoints(data.shape(), heads.length, 5);
    Evaluations evaluations = objective.evaluate(heads, points);
    double h = 1e-6;
    for (int a = 0; a < heads.length; a++) {
      for (int i = 0; i < points[a].length; i++) {
        double[] up = points[a].clone();
        double[] down = points[a].clone();
        up[i] += h;
        down[i] -= h;
        double difference =
            (value(objective, heads[a], up) - value(objective, heads[a], down)) / (2 * h);
        assertThat(evaluations.gradients()[a][i])
            .as("head %d parameter %d", a, i)
            .isCloseTo(difference, within(1e-7));
      }
    }
  }

  /** The value against MLlib's objective written out directly in the raw coordinates. */
  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void valueIsMllibObjectiveInRawCoordinates(int classes) {
    Synthetic data = Synthetic.draw(8, 60, 3, classes);
    int[] labels = data.shuffled(1);
    BlockObjective objective = data.objective(LAMBDA, 7, new int[][] {data.y, labels});
    double[] point = randomPoints(data.shape(), 1, 9)[0];
    LinearHead raw = data.standardizer().toRaw(data.shape(), point);
    double expected = direct(raw, data.x, labels, classes);
    assertThat(value(objective, 1, point)).isCloseTo(expected, within(1e-12 * expected));
  }

  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 3})
  void hugeScoresStayFinite(int classes) {
    Synthetic data = Synthetic.draw(9, 40, 3, classes);
    BlockObjective objective = data.objective(LAMBDA, 40, new int[][] {data.y});
    double[] point = randomPoints(data.shape(), 1, 4)[0];
    for (int i = 0; i < point.length; i++) {
      point[i] *= 1e4;
    }
    Evaluations evaluations = objective.evaluate(new int[] {0}, new double[][] {point});
    assertThat(evaluations.values()[0]).isFinite().isPositive();
    assertThat(Dense.finite(evaluations.gradients()[0])).isTrue();
  }

  private static double value(BlockObjective objective, int head, double[] point) {
    return objective.evaluate(new int[] {head}, new double[][] {point}).values()[0];
  }

  static double[][] randomPoints(HeadShape shape, int heads, long seed) {
    Random random = new Random(seed);
    double[][] points = new double[heads][shape.size()];
    for (double[] point : points) {
      for (int i = 0; i < point.length; i++) {
        point[i] = 0.5 * random.nextGaussian();
      }
    }
    return points;
  }

  /** (1/n) sum [log sum_c e^{z_c} - z_y] + lambda/2 ||W||^2 in textbook form (no max shift). */
  private static double direct(LinearHead head, double[][] x, int[] y, int classes) {
    double sum = 0.0;
    for (int i = 0; i < x.length; i++) {
      double[] z = new double[head.coefficients().length];
      for (int k = 0; k < z.length; k++) {
        z[k] = head.intercepts()[k];
        for (int j = 0; j < x[i].length; j++) {
          z[k] += head.coefficients()[k][j] * x[i][j];
        }
      }
      if (classes == 2) {
        sum += Math.log(1 + Math.exp(z[0])) - y[i] * z[0];
      } else {
        double partition = 0.0;
        for (double v : z) {
          partition += Math.exp(v);
        }
        sum += Math.log(partition) - z[y[i]];
      }
    }
    double penalty = 0.0;
    for (double[] row : head.coefficients()) {
      for (double w : row) {
        penalty += w * w;
      }
    }
    return sum / x.length + 0.5 * LAMBDA * penalty;
  }
}
