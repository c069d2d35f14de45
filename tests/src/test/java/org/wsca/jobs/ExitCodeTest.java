package org.wsca.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented exit codes: 0 success, 2 bad settings or arguments, 3 bad input (4, the
 * shortcut-risk gate, is in NightlyRunTest).
 */
class ExitCodeTest extends ConsoleCapture {
  @TempDir Path dir;

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(JobRunner.run(new AuditJob(), new String[] {"--help"})).isZero();
    assertThat(out.toString())
        .contains("--config", "--set", "--input", "--run-date", "Exit codes", "SHORTCUT_RISK");
  }

  @Test
  void aRunDateThatIsNotAnIsoDateIsBadSettings() {
    for (String date : List.of("2026-13-01", "2026-02-30", "28.11.2026", "2026-1-5")) {
      err.reset();
      assertThat(JobRunner.run(new AuditJob(), new String[] {"--input", "x", "--run-date", date}))
          .as(date)
          .isEqualTo(2);
      assertThat(err.toString()).contains("--run-date " + date + " is not a date", "YYYY-MM-DD");
    }
  }

  @Test
  void aRunIdAndARunDateTogetherAreBadArguments() {
    int code =
        JobRunner.run(
            new AuditJob(),
            new String[] {"--input", "x", "--run-id", "a", "--run-date", "2026-11-28"});
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--run-id a and --run-date 2026-11-28");
  }

  @Test
  void anOutOfRangeSettingIsBadSettings() {
    int code =
        JobRunner.run(
            new AuditJob(), new String[] {"--input", "x", "--set", "permutation.count=5"});
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("wsca.permutation.count");
  }

  @Test
  void anUnknownFlagIsBadSettings() {
    assertThat(JobRunner.run(new AuditJob(), new String[] {"--no-such-flag"})).isEqualTo(2);
  }

  @Test
  void noInputIsBadSettings() {
    assertThat(JobRunner.run(new AuditJob(), new String[0])).isEqualTo(2);
    assertThat(err.toString()).contains("--input");
  }

  @Test
  void aMissingInputPathIsBadInput() {
    String missing = dir.resolve("nothing-here").toString();
    int code =
        JobRunner.run(
            new AuditJob(),
            new String[] {
              "--input",
              missing,
              "--output-root",
              dir.resolve("out").toString(),
              "--set",
              "spark-free=1"
            });
    // An unknown key is caught before Spark starts, so this is settings, not input:
    assertThat(code).isEqualTo(2);
    code =
        JobRunner.run(
            new AuditJob(),
            new String[] {"--input", missing, "--output-root", dir.resolve("out").toString()});
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains(missing);
  }
}
