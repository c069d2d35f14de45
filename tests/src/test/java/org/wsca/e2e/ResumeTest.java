package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.output.RunCommitter;
import org.wsca.run.AuditRun;

/**
 * Resume (issue 4): an audit whose driver is killed during the permutation phase, re-run with the
 * same run date, reuses the chunks the killed attempt finished and commits the same tests and nulls
 * as a run that was never interrupted. The killed and the resumed attempts run AuditJob in JVMs of
 * their own, with the Spark configuration of this class's session, so the uninterrupted run in this
 * JVM computes in the same partitions. Doubles are compared within 1e-9 ({@link SameRows}): two
 * uninterrupted runs differ by that much too.
 */
class ResumeTest extends SparkTestBase {
  private static final String DATE = "2026-11-28";

  /** B = 19 in chunks of 4 heads: 5 chunks for the one task. */
  private static final List<String> SETTINGS =
      List.of(
          "input.columns.label=plane",
          "input.columns.patient-id=patient_id",
          "input.metadata=[{name=scanner, kind=categorical, role=confounder}]",
          "scopes.per-site=false",
          "permutation.count=19",
          "permutation.max-heads-per-chunk=4");

  private static final int CHUNKS = 5;
  @TempDir Path dir;

  @Test
  void aKilledRunResumesFromItsChunksToTheResultsOfAnUninterruptedRun() throws Exception {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    Path out = dir.resolve("out");
    List<String> args = jobArguments(data, out);

    Process killed = start("killed", args);
    Path chunks = out.resolve("_chunks").resolve(DATE);
    awaitChunks(killed, chunks, 2);
    killed.destroyForcibly().waitFor();
    int finished = chunkFiles(chunks).size();
    assertThat(out.resolve(DATE)).as("the killed run committed nothing").doesNotExist();
    assertThat(finished).as("chunks the killed run finished").isBetween(2, CHUNKS - 1);

    Process resumed = start("resumed", args);
    assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).as("resumed run finished").isTrue();
    assertThat(resumed.exitValue()).as("exit code; output:\n%s", tail("resumed")).isZero();
    assertThat(Files.readString(dir.resolve("resumed.log")))
        .contains(
            "reused "
                + finished
                + " permutation chunks of an earlier attempt and fitted "
                + (CHUNKS - finished));
    assertThat(out.resolve(DATE).resolve(RunCommitter.COMMITTED_MARKER)).exists();
    assertThat(out.resolve("_chunks")).as("chunks are dropped after the commit").doesNotExist();

    List<String> uninterrupted = new ArrayList<>(SETTINGS);
    uninterrupted.add("output.run-id=" + DATE);
    String fresh =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(
                    data, dir.resolve("fresh"), uninterrupted.toArray(new String[0])))
            .execute()
            .outputPath();
    SameRows.assertSame(rows(out.resolve(DATE) + "/tests", "task"), rows(fresh + "/tests", "task"));
    List<Row> nulls = rows(out.resolve(DATE) + "/nulls", "permutation");
    assertThat(nulls).hasSize(19);
    SameRows.assertSame(nulls, rows(fresh + "/nulls", "permutation"));
  }

  private List<String> jobArguments(String data, Path out) {
    List<String> args =
        new ArrayList<>(
            List.of("--input", data, "--output-root", out.toString(), "--run-date", DATE));
    SETTINGS.forEach(s -> args.addAll(List.of("--set", s)));
    return args;
  }

  /** AuditJob in a JVM of its own on local[2], output in dir/name.log. */
  private Process start(String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        Arrays.asList(System.getProperty("wscatest.java.opens", "").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "-Dspark.master=local[2]",
            "-Dspark.default.parallelism=2",
            "-Dspark.sql.shuffle.partitions=2",
            "-Dspark.ui.enabled=false",
            "org.wsca.jobs.AuditJob"));
    command.addAll(args);
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  /** Waits until {@code count} chunks are persisted; fails if the run ends first. */
  private void awaitChunks(Process run, Path chunks, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (chunkFiles(chunks).size() < count) {
      assertThat(run.isAlive())
          .as("the run ended before %s chunks were persisted:\n%s", count, tail("killed"))
          .isTrue();
      assertThat(System.nanoTime()).as("no chunks after 5 minutes").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** The persisted chunks; empty while the run is renaming a file under the walk (try again). */
  private static List<Path> chunkFiles(Path chunks) throws IOException {
    if (!Files.exists(chunks)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(chunks)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".chunk")).toList();
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
        return List.of();
      }
      throw e;
    }
  }

  private List<Row> rows(String table, String order) {
    return spark().read().parquet(table).orderBy(order).collectAsList();
  }

  private String tail(String name) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
