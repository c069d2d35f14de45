package org.wsca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wsca.errors.ExitCode;
import org.wsca.method.Kind;
import org.wsca.method.Role;
import org.wsca.method.Verdict;
import org.wsca.result.TestOutcome;
import org.wsca.settings.Settings;

class ShortcutGateTest {
  private static final Settings.VerdictThresholds ON =
      new Settings.VerdictThresholds(0.05, 0.1, 0.6, true);
  private static final Settings.VerdictThresholds OFF =
      new Settings.VerdictThresholds(0.05, 0.1, 0.6, false);

  private static TestOutcome test(String task, String scope, Verdict verdict) {
    return TestOutcome.skipped(task, scope, Role.CONFOUNDER, Kind.CATEGORICAL, "x", Map.of(), 0)
        .withInference(0.01, 0.01, verdict);
  }

  private final List<TestOutcome> shortcut =
      List.of(
          test("scanner", "pooled", Verdict.SHORTCUT_RISK),
          test("scanner", "site=A", Verdict.ENCODED_NOT_USED),
          test("hospital", "site=B", Verdict.SHORTCUT_RISK));

  @Test
  void aGateFailsOnAnyShortcutRiskAndNamesIt() {
    assertThat(ShortcutGate.exitCode(ON, shortcut)).isEqualTo(ExitCode.SHORTCUT_RISK);
    assertThat(ExitCode.SHORTCUT_RISK.code()).isEqualTo(4);
    assertThat(ShortcutGate.findings(ON, shortcut))
        .containsExactly("scanner/pooled", "hospital/site=B");
  }

  @Test
  void withoutAShortcutOrWithTheGateOffTheRunSucceeds() {
    assertThat(ShortcutGate.exitCode(OFF, shortcut)).isEqualTo(ExitCode.SUCCESS);
    assertThat(
            ShortcutGate.exitCode(
                ON,
                List.of(
                    test("scanner", "pooled", Verdict.ENCODED_NOT_USED),
                    test("age", "pooled", Verdict.USES_CLINICAL_SIGNAL))))
        .isEqualTo(ExitCode.SUCCESS);
  }
}
