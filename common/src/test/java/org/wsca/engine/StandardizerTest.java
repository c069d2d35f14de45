package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizerTest {
  private final Synthetic data = Synthetic.draw(31, 120, 4, 2);

  @Test
  void mergedMomentsEqualOnePassAndTheTextbookFormulas() {
    FeatureMoments[] parts = {new FeatureMoments(), new FeatureMoments(), new FeatureMoments()};
    for (int i = 0; i < data.x.length; i++) {
      parts[i % 3].add(data.x[i]);
    }
    Standardizer merged =
        new FeatureMoments().merge(parts[0]).merge(parts[1].merge(parts[2])).standardizer();
    double[] scaled = new double[4];
    merged.scale(data.x[5], scaled, 0);
    for (int j = 0; j < 4; j++) {
      double mean = 0.0;
      for (double[] row : data.x) {
        mean += row[j] / data.x.length;
      }
      double squares = 0.0;
      for (double[] row : data.x) {
        squares += (row[j] - mean) * (row[j] - mean);
      }
      double sd = Math.sqrt(squares / (data.x.length - 1));
      assertThat(scaled[j]).isCloseTo((data.x[5][j] - mean) / sd, within(1e-12));
    }
  }

  @Test
  void rawHeadGivesTheSameScoresAsTheScaledOne() {
    Standardizer standardizer = data.standardizer();
    HeadShape shape = new HeadShape(4, 3);
    double[] point = LogisticBatchTest.randomPoints(shape, 1, 2)[0];
    LinearHead raw = standardizer.toRaw(shape, point);
    double[] scaled = new double[4];
    standardizer.scale(data.x[9], scaled, 0);
    double[] rawScores = new double[3];
    double[] scaledScores = new double[3];
    for (int k = 0; k < 3; k++) {
      rawScores[k] = raw.intercepts()[k];
      scaledScores[k] = point[shape.interceptOffset() + k];
      for (int j = 0; j < 4; j++) {
        rawScores[k] += raw.coefficients()[k][j] * data.x[9][j];
        scaledScores[k] += point[k * 4 + j] * scaled[j];
      }
    }
    // Multinomial raw intercepts are centred: scores agree up to one common shift.
    for (int k = 1; k < 3; k++) {
      assertThat(rawScores[k] - rawScores[0])
          .isCloseTo(scaledScores[k] - scaledScores[0], within(1e-12));
    }
  }

  @Test
  void constantFeatureGetsNoCoefficientAndNoPenalty() {
    FeatureMoments moments = new FeatureMoments();
    moments.add(new double[] {1.0, 5.0}).add(new double[] {3.0, 5.0}).add(new double[] {2.0, 5.0});
    Standardizer standardizer = moments.standardizer();
    double[] scaled = new double[2];
    standardizer.scale(new double[] {3.0, 5.0}, scaled, 0);
    assertThat(scaled).containsExactly(1.0, 0.0);
    assertThat(standardizer.penaltyWeights(0.5)).containsExactly(0.5, 0.0);
    LinearHead head = standardizer.toRaw(new HeadShape(2, 2), new double[] {2.0, 7.0, 0.25});
    assertThat(head.coefficients()[0]).containsExactly(2.0, 0.0);
    assertThat(head.intercepts()[0]).isCloseTo(0.25 - 2.0 * 2.0, within(1e-15));
  }

  @Test
  void regularisedScalesBoundThePenaltyWeightAndTheScaledVariance() {
    FeatureMoments moments = new FeatureMoments();
    moments.add(new double[] {0.0, 0.0, 7.0}).add(new double[] {0.0, 4.0, 7.0});
    moments.add(new double[] {1e-3, 8.0, 7.0});
    double lambda = 0.01;
    Standardizer plain = moments.standardizer();
    Standardizer conditioned = moments.conditioned(lambda);
    double[] sd = plain.scales();
    double[] scale = conditioned.scales();
    double[] weights = conditioned.penaltyWeights(lambda);
    for (int j = 0; j < 2; j++) {
      assertThat(scale[j]).isCloseTo(Math.sqrt(sd[j] * sd[j] + 4 * lambda), within(1e-15));
      assertThat(weights[j]).isLessThanOrEqualTo(1.0 / 4.0);
      assertThat(sd[j] / scale[j]).isLessThanOrEqualTo(1.0);
    }
    // The near-constant first feature: MLlib's weight lambda / sd^2 = 3e4, here about 1/4.
    assertThat(plain.penaltyWeights(lambda)[0]).isGreaterThan(1e4);
    assertThat(weights[0]).isCloseTo(0.25, within(1e-4));
    assertThat(scale[2]).isEqualTo(0.0);
    assertThat(weights[2]).isEqualTo(0.0);
  }
}
