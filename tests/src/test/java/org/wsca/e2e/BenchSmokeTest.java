package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.bench.BenchGrid;
import org.wsca.bench.Benchmark;

/**
 * The shipped benchmark on one tiny grid point (n = 2,000, d = 16, C = 2, B = 4, loop B = 1):
 * bench.json must hold every field with sane values. Nothing about speed is asserted.
 */
class BenchSmokeTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void benchJsonHasEveryFieldWithSaneValues() throws Exception {
    BenchGrid grid = new BenchGrid(List.of(2000), List.of(16), List.of(2), 4, 1);
    new Benchmark(spark(), grid, dir).warmUp(false).execute();

    JsonNode points = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
    assertThat(points.isArray()).isTrue();
    assertThat(points).hasSize(1);
    JsonNode p = points.get(0);
    assertThat(p.get("n").asInt()).isEqualTo(2000);
    assertThat(p.get("d").asInt()).isEqualTo(16);
    assertThat(p.get("c").asInt()).isEqualTo(2);
    assertThat(p.get("b").asInt()).isEqualTo(4);
    assertThat(p.get("loop_b").asInt()).isEqualTo(1);
    for (String positive :
        List.of(
            "engine_ms_per_head",
            "loop_ms_per_head",
            "ratio",
            "engine_gflops",
            "dgemm_gflops",
            "peak_heap_mb",
            "engine_seconds",
            "loop_seconds")) {
      assertThat(p.get(positive).asDouble()).as(positive).isPositive();
    }
    assertThat(p.get("ratio").asDouble())
        .isCloseTo(
            p.get("loop_ms_per_head").asDouble() / p.get("engine_ms_per_head").asDouble(),
            within(1e-3 * p.get("ratio").asDouble()));
    // At least the starting pass plus one step for each of the 4 permuted heads; at most one
    // evaluation per pass for each of them and for permutation 0 (the observed labels).
    assertThat(p.get("engine_passes").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(p.get("engine_head_evaluations").asLong())
        .isBetween(4 * 2L, 5 * p.get("engine_passes").asLong());
    assertThat(p.get("engine_nonconverged").asInt()).isBetween(0, 4);
    assertThat(p.get("blas").asText()).isNotBlank();
    assertThat(p.get("cores").asInt()).isPositive();
    assertThat(p.get("java_version").asText()).isNotBlank();
    assertThat(p.get("ratio_target_met").isNull()).isTrue();
    assertThat(p.get("gflops_target_met").isBoolean()).isTrue();
    assertThat(dir.resolve("bench.txt")).content().contains("engine ms/h");
  }
}
