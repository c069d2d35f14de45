package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FullDisk;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;
import org.wsca.output.RunCommitter;
import org.wsca.output.RunCommitter.Step;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * Whole audits of one run id that overlap or crash: the failures an operator met (issue 15, cases
 * 1, 2, 3, 5 and 7), each reproduced with the commit hook as the pause or kill point.
 */
class OneWriterTest extends SparkTestBase {
  @TempDir Path dir;
  private String data;
  private Path out;

  @BeforeEach
  void demoData() {
    data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    out = dir.resolve("out");
  }

  private Settings settings(String input, String runId, String... more) {
    String[] all =
        Stream.concat(
                Stream.of(
                    "scopes.per-site=false",
                    "permutation.count=19",
                    "input.metadata=[{name=scanner, kind=categorical}]",
                    "output.run-id=\"" + runId + "\""),
                Stream.of(more))
            .toArray(String[]::new);
    return Fixtures.demoSettings(input, out, all);
  }

  /**
   * Cases 1 and 3: while a nightly run is between staging and commit (paused here), a manual re-run
   * of its date with a mistyped input, and a second full run of the date, both exit "busy" (code 5)
   * and touch nothing; the nightly then commits every table.
   */
  @Test
  void whileARunIsStagingOtherRunsOfItsIdAreBusyAndTouchNothing() throws Exception {
    CountDownLatch staged = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    CompletableFuture<AuditResult> nightly =
        CompletableFuture.supplyAsync(
            () ->
                new AuditRun(spark(), settings(data, "2026-11-30"))
                    .commitHook(
                        step -> {
                          if (step == Step.STAGED) {
                            staged.countDown();
                            await(goOn);
                          }
                        })
                    .execute());
    assertThat(staged.await(5, TimeUnit.MINUTES)).as("the nightly staged its tables").isTrue();
    Map<String, Long> stagingBefore = files(out.resolve("_staging"));

    Settings mistyped = settings(dir.resolve("no-such-input").toString(), "2026-11-30");
    Settings second = settings(data, "2026-11-30");
    for (Settings other : List.of(mistyped, second)) {
      assertThatThrownBy(() -> new AuditRun(spark(), other).execute())
          .isInstanceOfSatisfying(
              WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RUN_ID_BUSY))
          .hasMessageContaining("Run id 2026-11-30 is busy");
      assertThat(files(out.resolve("_staging"))).isEqualTo(stagingBefore);
      assertThat(out.resolve("2026-11-30")).doesNotExist();
    }

    goOn.countDown();
    AuditResult result = nightly.get(5, TimeUnit.MINUTES);
    try (Stream<Path> tables = Files.list(out.resolve("2026-11-30"))) {
      assertThat(tables.map(p -> p.getFileName().toString()))
          .contains("tests", "nulls", "heads", "wsc", "pca", "rejects", "manifest");
    }
    assertThat(historyOf("2026-11-30")).hasSize(result.tests().size());
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("2026-11-30", "history");
    }
  }

  /**
   * Cases 2 and 5: a re-run killed between moving the old results aside and moving its own in, then
   * an attempt that fails on unavailable input. Today's code deleted the only copy; now the failing
   * attempt first completes the killed commit, and folder and history agree.
   */
  @Test
  void aKillInsideTheCommitThenAFailingAttemptLosesNothing() throws Exception {
    new AuditRun(spark(), settings(data, "kill")).execute();

    AuditRun rerun =
        new AuditRun(spark(), settings(data, "kill", "permutation.count=29"))
            .commitHook(
                step -> {
                  if (step == Step.OLD_RESULTS_ASIDE) {
                    throw new java.io.IOException("killed between the renames");
                  }
                });
    assertThatThrownBy(rerun::execute).hasMessageContaining("killed between the renames");
    assertThat(out.resolve("kill")).doesNotExist(); // the kill point: old results are aside

    Settings unavailable = settings(dir.resolve("gone").toString(), "kill");
    assertThatThrownBy(() -> new AuditRun(spark(), unavailable).execute())
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT));

    List<Row> tests = spark().read().parquet(out.resolve("kill/tests").toString()).collectAsList();
    assertThat(tests)
        .singleElement()
        .satisfies(r -> assertThat(r.<Integer>getAs("permutations")).isEqualTo(29));
    assertThat(out.resolve("kill").resolve(RunCommitter.COMMITTED_MARKER)).exists();
    assertThat(historyOf("kill"))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.<Double>getAs("p")).isEqualTo(tests.get(0).<Double>getAs("p"));
              assertThat(h.<Double>getAs("t")).isEqualTo(tests.get(0).<Double>getAs("t"));
            });
    assertThat(out.resolve("_staging")).doesNotExist();
  }

  /**
   * Case 7: a full disk reaches the run as Hadoop's FSError, an Error. The run's staging is
   * removed, the earlier results stay, and the user reads the cause and the fix, not a stack trace.
   */
  @Test
  void aFullDiskAbortsTheRunWithAMessage() throws Exception {
    new AuditRun(spark(), settings(data, "full")).execute();
    List<Row> before = spark().read().parquet(out.resolve("full/tests").toString()).collectAsList();
    AuditRun full =
        new AuditRun(spark(), settings(data, "full"))
            .commitHook(
                step -> {
                  if (step == Step.STAGED) {
                    throw FullDisk.error();
                  }
                });

    assertThatThrownBy(full::execute)
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("Fix: free space");
    assertThat(out.resolve("_staging")).doesNotExist();
    assertThat(out.resolve("_leases")).doesNotExist();
    assertThat(spark().read().parquet(out.resolve("full/tests").toString()).collectAsList())
        .containsExactlyElementsOf(before);
  }

  /** Case 8: an output root that is a file used to fail after every permutation. */
  @Test
  void anUnusableOutputRootFailsBeforeTheInputIsRead() throws Exception {
    Files.createDirectories(out.getParent());
    Files.writeString(out, "a file");
    assertThatThrownBy(() -> new AuditRun(spark(), settings(data, "r")).execute())
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_SETTINGS))
        .hasMessageContaining("is a file, not a folder");
    assertThat(out.getParent().resolve("out")).isRegularFile(); // nothing else was written
  }

  private List<Row> historyOf(String runId) {
    return spark()
        .read()
        .parquet(out.resolve("history").toString())
        .filter("run_id = '" + runId + "'")
        .collectAsList();
  }

  /** Every file under {@code folder} with its size. */
  private static Map<String, Long> files(Path folder) throws Exception {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        sizes.put(folder.relativize(f).toString(), Files.size(f));
      }
    }
    assertThat(sizes).isNotEmpty();
    return sizes;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
