package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleRanksTest {
  @Test
  void ranksAreTheSampleIdsPositionsInSparksOrder() {
    // U+FFFF sorts before U+1F600 in UTF-8 bytes, after it in Java's UTF-16 order.
    SampleRanks ranks =
        SampleRanks.of(new String[][] {{"A", "a", "b\uffff", "b\ud83d\ude00"}, {"x"}});
    assertThat(ranks.rank(0, "A")).isZero();
    assertThat(ranks.rank(0, "a")).isEqualTo(1);
    assertThat(ranks.rank(0, "b\uffff")).isEqualTo(2);
    assertThat(ranks.rank(0, "b\ud83d\ude00")).isEqualTo(3);
    assertThat(ranks.rank(1, "x")).isZero();
  }

  @Test
  void anUnknownSampleIdNamesItselfAndTheStratum() {
    SampleRanks ranks = SampleRanks.of(new String[][] {{"a", "b"}});
    assertThatThrownBy(() -> ranks.rank(0, "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'c'")
        .hasMessageContaining("stratum 0");
  }

  @Test
  void idsOutOfSparksOrderAreRefused() {
    assertThatThrownBy(() -> SampleRanks.of(new String[][] {{"b\ud83d\ude00", "b\uffff"}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not strictly ascending at rank 1");
  }
}
