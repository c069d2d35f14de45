package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.output.RunSummary;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;

/** Every committed run writes summary.json, comparing each test with the previous run. */
class SummaryJsonTest extends SparkTestBase {
  @TempDir Path dir;

  private AuditResult audit(String data, String runId, String... more) {
    List<String> overrides =
        new ArrayList<>(
            List.of(
                "output.run-id=" + runId,
                "scopes.per-site=false",
                "permutation.count=19",
                "report.enabled=false"));
    overrides.addAll(List.of(more));
    return new AuditRun(
            spark(),
            Fixtures.demoSettings(data, dir.resolve("out"), overrides.toArray(String[]::new)))
        .submission("token-" + runId)
        .execute();
  }

  private JsonNode summary(String runId) throws Exception {
    Path file = dir.resolve("out").resolve(runId).resolve(RunSummary.FILE);
    assertThat(file).isNotEmptyFile();
    return RunSummary.parse(Files.readString(file));
  }

  @Test
  void aCommittedRunsSummaryHoldsItsTestsTheGateAndTheChangeSinceThePreviousRun() throws Exception {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 16, 0.5, 4);
    AuditResult first = audit(data, "night-1", "verdict.gate-on-shortcut-risk=true");
    AuditResult second = audit(data, "night-2", "verdict.min-shift-sd=99");

    JsonNode one = summary("night-1");
    assertThat(one.get("schema_version").asInt()).isEqualTo(RunSummary.SCHEMA_VERSION);
    assertThat(one.get("run_id").asText()).isEqualTo("night-1");
    assertThat(one.get("submission").asText()).isEqualTo("token-night-1");
    assertThat(one.get("previous_run_id").isNull()).isTrue();
    assertThat(one.get("findings")).hasSize(first.tests().size());
    for (int i = 0; i < first.tests().size(); i++) {
      TestOutcome t = first.tests().get(i);
      JsonNode f = one.get("findings").get(i);
      assertThat(f.get("task").asText() + "/" + f.get("scope").asText())
          .isEqualTo(t.task() + "/" + t.scope());
      assertThat(f.get("verdict").asText()).isEqualTo(t.verdict().name());
      assertThat(f.get("t").asDouble()).isEqualTo(t.t());
      assertThat(f.get("p").asDouble()).isEqualTo(t.p());
      assertThat(f.get("q").asDouble()).isEqualTo(t.q());
      assertThat(f.get("presence_auroc").asDouble()).isEqualTo(t.presence().auroc());
      assertThat(f.get("change").isNull()).isTrue();
    }
    // The biased demo's scanner is a shortcut risk in the pooled scope: the gate trips.
    assertThat(one.at("/gate/shortcut_risk").toString()).contains("scanner/pooled");
    assertThat(one.at("/gate/exit_code").asInt()).isEqualTo(4);
    assertThat(one.at("/verdict_counts/SHORTCUT_RISK").asInt()).isEqualTo(1);

    // Same data, same seed; a minimum shift no test reaches turns the risk into ENCODED_NOT_USED
    // (the claim of use rests on the decision-dependence shift, docs/method.md section 8).
    JsonNode two = summary("night-2");
    assertThat(two.get("previous_run_id").asText()).isEqualTo("night-1");
    assertThat(two.at("/gate/enabled").asBoolean()).isFalse();
    assertThat(two.at("/gate/exit_code").asInt()).isZero();
    JsonNode scanner = two.get("findings").get(indexOf(second, "scanner"));
    assertThat(scanner.get("verdict").asText()).isEqualTo("ENCODED_NOT_USED");
    assertThat(scanner.at("/change/previous_verdict").asText()).isEqualTo("SHORTCUT_RISK");
    assertThat(scanner.at("/change/verdict_changed").asBoolean()).isTrue();
    assertThat(scanner.at("/change/t_delta").asDouble()).isCloseTo(0.0, within(1e-9));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static int indexOf(AuditResult result, String task) {
    for (int i = 0; i < result.tests().size(); i++) {
      if (result.tests().get(i).task().equals(task)) {
        return i;
      }
    }
    throw new AssertionError("no test of " + task);
  }
}
