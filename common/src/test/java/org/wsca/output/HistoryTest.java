package org.wsca.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
  @Test
  void theLastRunsByFinishingTimeOldestFirstWithoutTheCurrentOne() {
    Map<String, String> runs =
        Map.of(
            "2026-11-25", "2026-11-25T02:00:00.000Z",
            "2026-11-26", "2026-11-26T02:00:00.000Z",
            "rerun-of-24", "2026-11-26T09:30:00.000Z",
            "2026-11-27", "2026-11-27T02:00:00.000Z",
            "2026-11-28", "2026-11-28T02:00:00.000Z");
    assertThat(History.lastRuns(runs, "2026-11-28", 3))
        .containsExactly("2026-11-26", "rerun-of-24", "2026-11-27");
    assertThat(History.lastRuns(runs, "2026-11-28", 10)).hasSize(4);
    assertThat(History.lastRuns(runs, "none", 1)).containsExactly("2026-11-28");
  }

  @Test
  void timestampsSortAsTextInTimeOrder() {
    String whole = History.timestamp(Instant.parse("2026-11-28T02:00:05Z"));
    String fraction = History.timestamp(Instant.parse("2026-11-28T02:00:05.1Z"));
    assertThat(whole).isEqualTo("2026-11-28T02:00:05.000Z");
    assertThat(whole).isLessThan(fraction);
    assertThat(Instant.parse(fraction)).isEqualTo(Instant.parse("2026-11-28T02:00:05.100Z"));
  }
}
