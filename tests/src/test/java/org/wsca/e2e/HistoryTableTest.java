package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.output.History;
import org.wsca.output.HistoryRow;
import org.wsca.output.RunCommitter;

/** The history table as the report reads it: the last N committed runs, one file per run id. */
class HistoryTableTest extends SparkTestBase {
  @TempDir Path dir;

  private static List<HistoryRow> run(String runId, String finishedAt, double t) {
    String at = History.timestamp(Instant.parse(finishedAt));
    return List.of(
        new HistoryRow(runId, at, "scanner", "pooled", t, 0.05, 0.05, "SHORTCUT_RISK"),
        new HistoryRow(
            runId, at, "age", "site=A", Double.NaN, Double.NaN, Double.NaN, "NOT_TESTED"));
  }

  private void record(String runId, List<HistoryRow> rows) throws Exception {
    record(dir, runId, rows);
  }

  /** Records a run's history the way a run does: staged, then the run's commit moves it in. */
  private void record(Path root, String runId, List<HistoryRow> rows) throws Exception {
    RunCommitter committer =
        new RunCommitter(spark().sparkContext().hadoopConfiguration(), root.toString(), runId);
    History.stage(spark(), committer.stagedHistory(), rows);
    committer.commit();
  }

  @Test
  void previousRunsAreTheLastCommittedRunsOtherThanTheCurrentOne() throws Exception {
    assertThat(History.previousRuns(spark(), dir.toString(), "2026-11-28", 3)).isEmpty();
    record("2026-11-25", run("2026-11-25", "2026-11-25T02:00:00Z", 0.1));
    record("2026-11-26", run("2026-11-26", "2026-11-26T02:00:00Z", 0.2));
    record("2026-11-27", run("2026-11-27", "2026-11-27T02:00:00Z", 0.3));
    // A re-run of the 26th replaces its rows (and now finished after the 27th).
    record("2026-11-26", run("2026-11-26", "2026-11-28T01:00:00Z", 0.25));
    record("2026-11-28", run("2026-11-28", "2026-11-28T02:00:00Z", 0.4));

    List<HistoryRow> previous = History.previousRuns(spark(), dir.toString(), "2026-11-28", 2);

    assertThat(previous)
        .extracting(h -> h.runId() + " " + h.task() + " " + h.t())
        .containsExactly(
            "2026-11-27 age NaN",
            "2026-11-27 scanner 0.3",
            "2026-11-26 age NaN",
            "2026-11-26 scanner 0.25");
    assertThat(previous.get(3)).isEqualTo(run("2026-11-26", "2026-11-28T01:00:00Z", 0.25).get(0));
    try (Stream<Path> files = Files.list(dir.resolve("history"))) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
          .containsExactlyInAnyOrder(
              "2026-11-25.parquet",
              "2026-11-26.parquet",
              "2026-11-27.parquet",
              "2026-11-28.parquet");
    }
    assertThat(spark().read().parquet(dir.resolve("history").toString()).count()).isEqualTo(8);
  }

  /**
   * During a re-run's commit the new file stands beside the old one (the run is never missing); the
   * report's reader keeps only the newer rows of that run.
   */
  @Test
  void aRunWhoseReRunIsCommittingIsReadOnceWithItsNewerRows() throws Exception {
    record("2026-11-25", run("2026-11-25", "2026-11-25T02:00:00Z", 0.1));
    Path elsewhere = dir.resolve("elsewhere");
    record(elsewhere, "2026-11-25", run("2026-11-25", "2026-11-26T09:00:00Z", 0.7));
    Files.copy(
        elsewhere.resolve("history/2026-11-25.parquet"),
        dir.resolve("history/2026-11-25+committing.parquet"));

    List<HistoryRow> previous = History.previousRuns(spark(), dir.toString(), "2026-11-28", 5);

    assertThat(previous)
        .extracting(h -> h.runId() + " " + h.task() + " " + h.t())
        .containsExactly("2026-11-25 age NaN", "2026-11-25 scanner 0.7");
  }
}
