package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.bench.ScaleBenchmark;
import org.wsca.bench.ScaleMeasurement;
import org.wsca.bench.ScalePoint;

/**
 * The scale benchmark on two tiny points that differ in rows only (pooled scope only, to keep it
 * short): scale.json holds both with the audit's phases, sizes and heap, the generated data is
 * cleaned up, and the table reports the growth in rows. Nothing about speed is asserted.
 */
class ScaleBenchSmokeTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void measuresEachPointAndReportsGrowth() throws Exception {
    List<ScalePoint> points =
        List.of(ScalePoint.parse("1000x8x2x19"), ScalePoint.parse("2000x8x2x19"));
    List<String> progress = new ArrayList<>();
    List<ScaleMeasurement> measured =
        new ScaleBenchmark(
                spark(),
                points,
                (point, data, results) ->
                    Fixtures.demoSettings(
                        data,
                        Path.of(results),
                        "permutation.count=" + point.permutations(),
                        "report.enabled=false",
                        "scopes.per-site=false"),
                dir)
            .progress(progress::add)
            .execute();

    assertThat(measured).extracting(ScaleMeasurement::point).isEqualTo(points);
    for (ScaleMeasurement m : measured) {
      // Demo cell sizes are rounded, so the row count is near the asked one.
      assertThat(m.rowsRead()).isBetween(m.point().rows() - 20, m.point().rows() + 20);
      assertThat(m.phaseMillis()).containsKeys("read_validate", "split", "scope pooled");
      assertThat(m.auditMillis()).isGreaterThanOrEqualTo(m.phaseTotal("scope "));
      assertThat(m.inputBytes()).isGreaterThan(m.point().rows() * 8 * 4 / 2);
      assertThat(m.outputBytes()).isPositive();
      assertThat(m.peakHeapMb()).isPositive().isLessThanOrEqualTo(m.maxHeapMb());
    }
    assertThat(dir.resolve("scale-work/1000x8x2x19")).doesNotExist();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("scale.json").toFile());
    assertThat(json).hasSize(2);
    assertThat(json.get(1).get("rows").asLong()).isEqualTo(2000);
    assertThat(json.get(1).get("phase_ms").get("scope pooled").asLong())
        .isEqualTo(measured.get(1).phaseMillis().get("scope pooled"));
    assertThat(ScaleBenchmark.table(measured)).contains("rows x2.00 (1000x8x2x19 -> 2000x8x2x19)");
    assertThat(progress).contains("== scale point 2000x8x2x19");
  }

  /**
   * --compare-site-passes: the same rows audited with the site scopes sharing their passes (one
   * phase for the group), one by one (a phase per site) and shared again, all in scale.json.
   */
  @Test
  void comparesSharedAndPerSitePassesOnTheSameRows() throws Exception {
    List<ScaleMeasurement> measured =
        new ScaleBenchmark(
                spark(),
                List.of(ScalePoint.parse("1000x8x2x19")),
                (point, data, results) ->
                    Fixtures.demoSettings(
                        data,
                        Path.of(results),
                        "permutation.count=" + point.permutations(),
                        "report.enabled=false",
                        "scopes.pooled=false"),
                dir)
            .compareSitePasses(true)
            .execute();

    assertThat(measured).hasSize(3);
    assertThat(measured.get(0).perSite()).isFalse();
    assertThat(measured.get(0).phaseMillis()).containsKey("scope sites (2)");
    assertThat(measured.get(1).perSite()).isTrue();
    assertThat(measured.get(1).phaseMillis().keySet())
        .filteredOn(k -> k.startsWith("scope site="))
        .hasSize(2);
    assertThat(measured.get(1).rowsRead()).isEqualTo(measured.get(0).rowsRead());
    assertThat(measured.get(2).sitePasses()).isEqualTo("shared-again");
    assertThat(measured.get(2).phaseMillis()).containsKey("scope sites (2)");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("scale.json").toFile());
    assertThat(json.get(0).get("site_passes").asText()).isEqualTo("shared");
    assertThat(json.get(1).get("site_passes").asText()).isEqualTo("per-site");
    assertThat(ScaleBenchmark.table(measured)).contains("1000x8x2x19 per-site");
  }
}
