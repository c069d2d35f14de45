package org.wsca.audit;

import java.util.List;
import org.wsca.errors.ExitCode;
import org.wsca.method.Verdict;
import org.wsca.result.TestOutcome;
import org.wsca.settings.Settings;

/**
 * docs/method.md section 8: a run used as a gate (verdict.gate-on-shortcut-risk = true) fails with
 * {@link ExitCode#SHORTCUT_RISK} when any test is {@link Verdict#SHORTCUT_RISK}. The results are
 * committed either way; the gate only decides the exit code.
 */
public final class ShortcutGate {
  private ShortcutGate() {}

  /** The tests that trip the gate, as "task/scope"; empty when the gate is off. */
  public static List<String> findings(Settings.VerdictThresholds verdict, List<TestOutcome> tests) {
    if (!verdict.gateOnShortcutRisk()) {
      return List.of();
    }
    return tests.stream()
        .filter(t -> t.verdict() == Verdict.SHORTCUT_RISK)
        .map(t -> t.task() + "/" + t.scope())
        .toList();
  }

  public static ExitCode exitCode(Settings.VerdictThresholds verdict, List<TestOutcome> tests) {
    return findings(verdict, tests).isEmpty() ? ExitCode.SUCCESS : ExitCode.SHORTCUT_RISK;
  }
}
