package org.wsca.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchGridTest {
  @Test
  void defaultGridIsTheIssuesEightPointsCheapFirst() {
    List<GridPoint> points = BenchGrid.defaults().points();
    assertThat(points).hasSize(8).doesNotHaveDuplicates();
    assertThat(points.get(0)).isEqualTo(new GridPoint(20_000, 256, 2));
    assertThat(points.get(7)).isEqualTo(new GridPoint(100_000, 1024, 4));
    assertThat(points).contains(Targets.RATIO_POINT);
  }

  @Test
  void subsetsGiveTheirProduct() {
    BenchGrid grid = new BenchGrid(List.of(2000), List.of(16, 32), List.of(2, 3, 4), 8, 1);
    assertThat(grid.points()).hasSize(6).allSatisfy(p -> assertThat(p.rows()).isEqualTo(2000));
  }

  @Test
  void badValuesNameTheOption() {
    assertThatThrownBy(() -> new BenchGrid(List.of(), List.of(16), List.of(2), 8, 1))
        .hasMessageContaining("--n");
    assertThatThrownBy(() -> new BenchGrid(List.of(10), List.of(16), List.of(2), 8, 0))
        .hasMessageContaining("--loop-b is 0");
    assertThatThrownBy(() -> new GridPoint(10, 16, 1)).hasMessageContaining("C = 1");
  }

  @Test
  void flopsCountOneCoefficientVectorForTwoClassesElseC() {
    assertThat(new GridPoint(1000, 10, 2).flopsPerHeadEvaluation()).isEqualTo(4.0 * 1000 * 10);
    assertThat(new GridPoint(1000, 10, 4).flopsPerHeadEvaluation()).isEqualTo(4.0 * 1000 * 10 * 4);
  }
}
