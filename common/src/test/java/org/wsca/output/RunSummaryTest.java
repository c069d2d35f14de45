package org.wsca.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wsca.method.Kind;
import org.wsca.method.NullDistribution;
import org.wsca.method.Role;
import org.wsca.method.Verdict;
import org.wsca.result.Presence;
import org.wsca.result.TestOutcome;

class RunSummaryTest {
  private static final RunSummary.RunFacts FACTS =
      new RunSummary.RunFacts(
          "0.2.0", "2026-11-29", "2026-11-29T02:30:00Z", "2026-11-29T02:41:00Z", "/a/r", "tok");

  private static TestOutcome tested(String task, String scope, double t, Verdict verdict) {
    return new TestOutcome(
            task,
            scope,
            Role.CONFOUNDER,
            Kind.CATEGORICAL,
            java.util.Optional.empty(),
            Map.of("a", 10L, "b", 12L),
            0,
            new Presence(0.93, 0.8, 0.81, 40, Map.of()),
            true,
            false,
            t,
            t / 2,
            java.util.Optional.of(new NullDistribution(new double[] {0.1, 0.2, 0.3, 0.4}, 0)),
            0.2,
            Double.NaN,
            Double.NaN,
            Verdict.NOT_TESTED,
            java.util.Optional.empty(),
            org.wsca.result.Dependence.notRun())
        .withInference(0.04, 0.08, verdict);
  }

  private static final List<TestOutcome> TESTS =
      List.of(
          tested("scanner", "pooled", 0.6, Verdict.SHORTCUT_RISK),
          tested("scanner", "site=A", 0.05, Verdict.ENCODED_NOT_USED),
          TestOutcome.skipped(
              "age", "site=A", Role.CLINICAL, Kind.CONTINUOUS, "one class", Map.of(), 3));

  private static final RunSummary.Gate GATE =
      new RunSummary.Gate(true, List.of("scanner/pooled"), 4);

  @Test
  void holdsTheRunTheGateTheCountsAndEveryTestWithNullForWhatDoesNotExist() {
    JsonNode json = RunSummary.parse(RunSummary.of(FACTS, GATE, TESTS, List.of()).toJson());

    assertThat(json.get("schema").asText()).isEqualTo("wsca-run-summary");
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    assertThat(json.get("run_id").asText()).isEqualTo("2026-11-29");
    assertThat(json.get("submission").asText()).isEqualTo("tok");
    assertThat(json.get("previous_run_id").isNull()).isTrue();
    assertThat(json.at("/gate/exit_code").asInt()).isEqualTo(4);
    assertThat(json.at("/gate/shortcut_risk/0").asText()).isEqualTo("scanner/pooled");
    assertThat(json.at("/verdict_counts/SHORTCUT_RISK").asInt()).isEqualTo(1);
    assertThat(json.at("/verdict_counts/ENCODED_NOT_USED").asInt()).isEqualTo(1);
    assertThat(json.at("/verdict_counts/NOT_TESTED").asInt()).isEqualTo(1);
    assertThat(json.at("/verdict_counts/NOT_ENCODED").asInt()).isZero();
    assertThat(json.get("findings")).hasSize(3);
    JsonNode first = json.at("/findings/0");
    assertThat(first.get("task").asText()).isEqualTo("scanner");
    assertThat(first.get("role").asText()).isEqualTo("confounder");
    assertThat(first.get("t").asDouble()).isEqualTo(0.6);
    assertThat(first.get("p").asDouble()).isEqualTo(0.2);
    assertThat(first.get("q").asDouble()).isEqualTo(0.04);
    assertThat(first.get("presence_auroc").asDouble()).isEqualTo(0.93);
    // p95 of {0.1, 0.2, 0.3, 0.4} by linear interpolation: 0.3 + 0.85 * 0.1.
    assertThat(first.get("null_p95").asDouble())
        .isCloseTo(0.385, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(first.get("change").isNull()).as("no previous run").isTrue();
    JsonNode skipped = json.at("/findings/2");
    assertThat(skipped.get("skip_reason").asText()).isEqualTo("one class");
    assertThat(skipped.get("t").isNull()).isTrue();
    assertThat(skipped.get("presence_auroc").isNull()).isTrue();
    assertThat(skipped.get("null_p95").isNull()).isTrue();
  }

  @Test
  void comparesEachTestWithThePreviousRun() {
    List<HistoryRow> previous =
        List.of(
            new HistoryRow(
                "2026-11-28", "x", "scanner", "pooled", 0.45, 0.01, 0.02, "SHORTCUT_RISK"),
            new HistoryRow(
                "2026-11-28", "x", "scanner", "site=A", 0.30, 0.01, 0.02, "SHORTCUT_RISK"));

    JsonNode json = RunSummary.parse(RunSummary.of(FACTS, GATE, TESTS, previous).toJson());

    assertThat(json.get("previous_run_id").asText()).isEqualTo("2026-11-28");
    JsonNode same = json.at("/findings/0/change");
    assertThat(same.get("first_seen").asBoolean()).isFalse();
    assertThat(same.get("previous_verdict").asText()).isEqualTo("SHORTCUT_RISK");
    assertThat(same.get("verdict_changed").asBoolean()).isFalse();
    assertThat(same.get("t_delta").asDouble())
        .isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-12));
    JsonNode changed = json.at("/findings/1/change");
    assertThat(changed.get("verdict_changed").asBoolean()).isTrue();
    assertThat(changed.get("t_delta").asDouble())
        .isCloseTo(-0.25, org.assertj.core.data.Offset.offset(1e-12));
    JsonNode fresh = json.at("/findings/2/change");
    assertThat(fresh.get("first_seen").asBoolean()).isTrue();
    assertThat(fresh.get("previous_verdict").isNull()).isTrue();
  }
}
