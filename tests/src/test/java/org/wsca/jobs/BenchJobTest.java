package org.wsca.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wsca.errors.ExitCode;

/** BenchJob's options, through the job's own parsing (picocli is shaded in the jobs jar). */
class BenchJobTest extends ConsoleCapture {
  @Test
  void helpShowsTheIssuesGridAsDefaults() {
    assertThat(JobRunner.run(new BenchJob(), new String[] {"--help"})).isZero();
    assertThat(out.toString())
        .contains("20000,100000", "256,1024", "2,4", "--loop-b", "bench-output");
  }

  @Test
  void listsParseAndBadCountsExitWithTheSettingsCode() {
    int code =
        JobRunner.run(
            new BenchJob(),
            new String[] {
              "--n", "20000", "--d", "256", "--c", "2,4", "--b", "32", "--loop-b", "0"
            });
    assertThat(code).isEqualTo(ExitCode.BAD_SETTINGS.code());
    assertThat(err.toString()).contains("--loop-b is 0");
  }

  @Test
  void aNonNumberIsAnArgumentError() {
    assertThat(JobRunner.run(new BenchJob(), new String[] {"--d", "256,big"}))
        .isEqualTo(ExitCode.BAD_SETTINGS.code());
    assertThat(err.toString()).contains("big");
  }
}
