package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkPlanTest {
  @Test
  void smallHeadsTakeTheCap() {
    assertThat(ChunkPlan.headsPerChunk(256, new HeadShape(64, 3), 10, 10_000)).isEqualTo(256);
  }

  /** d = 4096, C = 50: p = 204,850, 8 x 26 x p = 42.6 MB of driver state per head -> 12. */
  @Test
  void largeHeadsAreChunkedToTheDriverBudget() {
    assertThat(ChunkPlan.headsPerChunk(256, new HeadShape(4096, 50), 10, 1000)).isEqualTo(12);
  }

  /** 20 M rows in a partition: 80 MB of labels per head -> 3 heads in 256 MB. */
  @Test
  void longPartitionsAreChunkedToTheTaskBudget() {
    assertThat(ChunkPlan.headsPerChunk(256, new HeadShape(8, 2), 10, 20_000_000)).isEqualTo(3);
  }

  @Test
  void alwaysAtLeastOneHead() {
    assertThat(ChunkPlan.headsPerChunk(256, new HeadShape(8, 2), 10, 1L << 40)).isEqualTo(1);
    assertThatThrownBy(() -> ChunkPlan.headsPerChunk(0, new HeadShape(8, 2), 10, 10))
        .hasMessageContaining("at least 1");
  }
}
