package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationTest {
  // Labels 0,0,0,0,1,1 with predictions 0,0,0,1,0,1: 4 of 6 right; recall 3/4 and 1/2.
  private static final int[] LABELS = {0, 0, 0, 0, 1, 1};
  private static final int[] PREDICTED = {0, 0, 0, 1, 0, 1};

  @Test
  void accuracyIsTheShareCorrect() {
    assertThat(Classification.accuracy(PREDICTED, LABELS)).isCloseTo(4.0 / 6, within(1e-15));
    assertThat(Classification.accuracy(new int[0], new int[0])).isNaN();
  }

  @Test
  void balancedAccuracyIsTheMeanRecallOfPresentClasses() {
    // (3/4 + 1/2) / 2 = 0.625; a third, absent class does not count.
    assertThat(Classification.balancedAccuracy(PREDICTED, LABELS, 2)).isEqualTo(0.625);
    assertThat(Classification.balancedAccuracy(PREDICTED, LABELS, 3)).isEqualTo(0.625);
    assertThat(Classification.balancedAccuracy(new int[0], new int[0], 2)).isNaN();
  }

  @Test
  void predictionsOfAbsentClassesCountAsWrong() {
    // Class 2 predicted for a class-1 row: recall of class 1 drops to 0.
    assertThat(Classification.balancedAccuracy(new int[] {0, 2}, new int[] {0, 1}, 3))
        .isEqualTo(0.5);
  }

  @Test
  void argmaxPicksTheFirstLargest() {
    assertThat(Classification.argmax(new double[] {0.1, 0.7, 0.2})).isEqualTo(1);
    assertThat(Classification.argmax(new double[] {0.4, 0.4, 0.2})).isEqualTo(0);
    assertThat(Classification.argmax(new double[] {Double.NaN, 0.1, 0.3})).isEqualTo(2);
    assertThat(Classification.argmax(new double[] {Double.NaN, Double.NaN})).isEqualTo(0);
    assertThat(Classification.argmax(new double[] {-3})).isEqualTo(0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Classification.argmax(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Classification.accuracy(new int[2], new int[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Classification.balancedAccuracy(new int[] {0}, new int[] {5}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Label 5");
  }
}
