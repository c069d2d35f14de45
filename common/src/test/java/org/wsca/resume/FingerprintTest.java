package org.wsca.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wsca.settings.SettingsLoader;

class FingerprintTest {
  private static final List<String> FILES =
      List.of("file:/in/site=A/part-0.parquet\t100\t7", "file:/in/site=B/part-0.parquet\t120\t7");

  private static String fingerprint(List<String> files, String... overrides) {
    String json = SettingsLoader.load(Optional.empty(), List.of(overrides)).resolvedJson();
    return Fingerprint.of(json, "1.0", files);
  }

  @Test
  void whereResultsGoAndHowTheyAreJudgedDoNotChangeIt() {
    String base = fingerprint(FILES, "input.paths=[in]");
    assertThat(
            fingerprint(
                FILES,
                "input.paths=[in]",
                "output.root=elsewhere",
                "output.run-id=2026-11-28",
                "output.resume=true",
                "report.history-runs=3",
                "verdict.alpha=0.01",
                "verdict.gate-on-shortcut-risk=true",
                "permutation.progress-every=1"))
        .isEqualTo(base);
    assertThat(fingerprint(List.of(FILES.get(1), FILES.get(0)), "input.paths=[in]"))
        .as("file order")
        .isEqualTo(base);
  }

  @Test
  void anythingThatShapesTheNullChangesIt() {
    String base = fingerprint(FILES, "input.paths=[in]");
    assertThat(fingerprint(FILES, "input.paths=[in]", "seed=1")).isNotEqualTo(base);
    assertThat(fingerprint(FILES, "input.paths=[in]", "heads.reg-param=0.1")).isNotEqualTo(base);
    assertThat(fingerprint(FILES, "input.paths=[in]", "permutation.engine=mllib-loop"))
        .isNotEqualTo(base);
    assertThat(
            fingerprint(
                List.of(FILES.get(0), "file:/in/site=B/part-0.parquet\t120\t8"),
                "input.paths=[in]"))
        .as("a rewritten file")
        .isNotEqualTo(base);
    String json = SettingsLoader.load(Optional.empty(), List.of("input.paths=[in]")).resolvedJson();
    assertThat(Fingerprint.of(json, "1.1", FILES)).as("another WSCA version").isNotEqualTo(base);
  }
}
