package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientStateTest {
  private final Synthetic data = Synthetic.draw(21, 90, 3, 3);
  private final List<RowBlock> blocks =
      data.blocks(data.standardizer(), 30, new int[][] {data.y, data.shuffled(2)});
  private final double[][] points = LogisticBatchTest.randomPoints(data.shape(), 2, 3);
  private final BatchPoint point = BatchPoint.pack(data.shape(), new int[] {0, 1}, points);

  @Test
  void mergeIsAssociative() {
    GradientState left = state(0).merge(state(1)).merge(state(2));
    GradientState right = state(0).merge(state(1).merge(state(2)));
    assertSame(left, right, 1e-12);
    assertThat(left.rows()).isEqualTo(90);
  }

  @Test
  void mergeIsCommutativeUpToRounding() {
    assertSame(state(0).merge(state(2)), state(2).merge(state(0)), 1e-12);
  }

  @Test
  void emptyStateIsTheIdentity() {
    GradientState empty = new GradientState(data.shape(), 2);
    assertSame(empty.merge(state(1)), state(1), 0.0);
    assertSame(state(1).merge(new GradientState(data.shape(), 2)), state(1), 0.0);
  }

  @Test
  void refusesStatesOfAnotherBatch() {
    assertThatThrownBy(() -> state(0).merge(new GradientState(data.shape(), 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 and 2 heads");
  }

  private GradientState state(int block) {
    GradientState state = new GradientState(data.shape(), 2);
    new LogisticBatch(point, org.wsca.blas.Blases.load(org.wsca.blas.BlasSetting.DEFAULT))
        .accumulate(blocks.get(block), state);
    return state;
  }

  private void assertSame(GradientState a, GradientState b, double tolerance) {
    assertThat(a.rows()).isEqualTo(b.rows());
    int columns = 2 * data.shape().columns();
    for (int h = 0; h < 2; h++) {
      assertThat(a.loss(h)).isCloseTo(b.loss(h), within(tolerance));
    }
    for (int c = 0; c < columns; c++) {
      assertThat(a.intercept(c)).isCloseTo(b.intercept(c), within(tolerance));
      for (int j = 0; j < data.shape().dimension(); j++) {
        assertThat(a.coefficient(c, j)).isCloseTo(b.coefficient(c, j), within(tolerance));
      }
    }
  }
}
