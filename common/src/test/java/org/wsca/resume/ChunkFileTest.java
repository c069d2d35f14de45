package org.wsca.resume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkFileTest {
  private static final ChunkKey KEY = new ChunkKey("scanner", "site=A<b>", 5, 8);
  private static final ChunkResult RESULT =
      new ChunkResult(
          new double[] {0.1 + 0.2, Double.MIN_VALUE, Double.NaN, 0.123456789012345678},
          new boolean[] {true, false, true, true});

  @Test
  void aChunkReadsBackBitForBit() {
    ChunkResult back = ChunkFile.decode(ChunkFile.encode(KEY, RESULT), KEY).orElseThrow();
    for (int i = 0; i < 4; i++) {
      assertThat(Double.doubleToRawLongBits(back.statistics()[i]))
          .isEqualTo(Double.doubleToRawLongBits(RESULT.statistics()[i]));
    }
    assertThat(back.converged()).containsExactly(true, false, true, true);
  }

  @Test
  void aChunkOfAnotherTaskScopeOrRangeIsNotReused() {
    String text = ChunkFile.encode(KEY, RESULT);
    assertThat(ChunkFile.decode(text, new ChunkKey("scanner", "site=B", 5, 8))).isEmpty();
    assertThat(ChunkFile.decode(text, new ChunkKey("age", "site=A<b>", 5, 8))).isEmpty();
    assertThat(ChunkFile.decode(text, new ChunkKey("scanner", "site=A<b>", 5, 9))).isEmpty();
  }

  @Test
  void aDamagedChunkIsNotReused() {
    String text = ChunkFile.encode(KEY, RESULT);
    assertThat(ChunkFile.decode(text.substring(0, text.length() - 12), KEY)).isEmpty();
    assertThat(ChunkFile.decode(text.replace("\t0.30000000000000004\t", "\tx\t"), KEY)).isEmpty();
  }

  @Test
  void fileNamesDifferByTaskScopeAndRangeAndHoldNoUserText() {
    assertThat(KEY.fileName()).matches("[0-9a-f]{16}-5-8\\.chunk");
    assertThat(new ChunkKey("scanner", "site=B", 5, 8).fileName()).isNotEqualTo(KEY.fileName());
    assertThat(new ChunkKey("scanner", "site=A<b>", 9, 12).fileName()).isNotEqualTo(KEY.fileName());
  }
}
