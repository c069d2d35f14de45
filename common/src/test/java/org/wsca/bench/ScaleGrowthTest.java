package org.wsca.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleGrowthTest {

  private static ScaleMeasurement measured(String point, long auditMillis) {
    return new ScaleMeasurement(
        ScalePoint.parse(point),
        1000,
        10,
        auditMillis,
        Map.of("read_validate", 5L, "scope pooled", 7L, "scope site=A", 3L),
        100,
        1000,
        1,
        2);
  }

  @Test
  void parsesPointsAndNamesTheBadOne() {
    assertThat(ScalePoint.parse("1000000x512x20x19"))
        .isEqualTo(new ScalePoint(1_000_000, 512, 20, 19));
    assertThatThrownBy(() -> ScalePoint.parse("1e6x512"))
        .hasMessageContaining("'1e6x512'")
        .hasMessageContaining("ROWSxDIMxSITESxB");
    assertThatThrownBy(() -> ScalePoint.parse("1000x8x2x5"))
        .hasMessageContaining("19 permutations");
  }

  @Test
  void exponentsComeFromPairsThatDifferInOneQuantity() {
    List<ScaleGrowth> growth =
        ScaleGrowth.of(
            List.of(
                measured("100000x512x20x19", 1000),
                measured("400000x512x20x19", 4000),
                measured("100000x256x20x19", 700),
                measured("100000x512x20x39", 1900),
                measured("400000x256x5x39", 1)));
    assertThat(growth)
        .extracting(ScaleGrowth::quantity)
        .containsExactlyInAnyOrder("rows", "dimension", "B");
    ScaleGrowth rows =
        growth.stream().filter(g -> g.quantity().equals("rows")).findFirst().orElseThrow();
    assertThat(rows.factor()).isEqualTo(4.0);
    assertThat(rows.exponent()).isCloseTo(1.0, within(1e-12));
    ScaleGrowth dimension =
        growth.stream().filter(g -> g.quantity().equals("dimension")).findFirst().orElseThrow();
    // 1000 / 700 over a doubling: log2(1000 / 700) = 0.5146
    assertThat(dimension.exponent()).isCloseTo(0.5146, within(1e-4));
    assertThat(dimension.from().dimension()).isEqualTo(256);
  }

  @Test
  void jsonIsValidAndSumsScopePhases() throws Exception {
    ScaleMeasurement m =
        new ScaleMeasurement(
            ScalePoint.parse("1000x8x2x19"),
            990,
            10,
            20,
            Map.of("scope \"pooled\"\n", 7L, "scope site=A", 3L),
            100,
            1000,
            1,
            2);
    JsonNode points = new ObjectMapper().readTree(ScaleMeasurement.json(List.of(m)));
    assertThat(points).hasSize(1);
    JsonNode node = points.get(0);
    assertThat(node.get("rows").asLong()).isEqualTo(1000);
    assertThat(node.get("scopes_ms").asLong()).isEqualTo(10);
    assertThat(node.get("phase_ms").get("scope \"pooled\"\n").asLong()).isEqualTo(7);
    assertThat(node.get("peak_heap_mb").asLong()).isEqualTo(100);
    assertThat(node.get("site_passes").asText()).isEqualTo("shared");
  }

  @Test
  void heapSamplerSeesAnAllocation() {
    try (HeapSampler heap = HeapSampler.start()) {
      long[] big = new long[64 << 17]; // 64 MiB, live while sampled
      big[big.length - 1] = 1;
      assertThat(heap.peakMb()).isGreaterThanOrEqualTo(64);
      assertThat(heap.maxMb()).isPositive();
      assertThat(big[big.length - 1]).isEqualTo(1);
    }
  }
}
