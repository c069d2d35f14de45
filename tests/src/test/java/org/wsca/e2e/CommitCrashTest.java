package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsca.output.CommittedResults;
import org.wsca.output.RunCommitter;
import org.wsca.output.RunCommitter.Step;

/**
 * The commit stopped right after each of its steps, as a killed driver would stop it (the hook
 * throws; the commit has no catch or finally, so nothing runs after the step), on the local file
 * system and on HDFS. At every stop, the run id's results are reachable through {@link
 * CommittedResults#locate} (the folder {@code <root>/<run-id>}, or, between the two renames, the
 * journalled staging folder), and the history table holds the old or the new rows of the run, never
 * neither. The next attempt, even one that then fails, first completes a decided commit: the folder
 * and the history file then both hold the new run, or (stopped before the decision) both still hold
 * the old one, and nothing is left in staging.
 */
class CommitCrashTest {
  @RegisterExtension static final MiniHdfs HDFS = new MiniHdfs();
  @TempDir static Path local;

  static Stream<Arguments> everyStepOnBothFileSystems() {
    return Stream.of("local", "hdfs")
        .flatMap(fs -> Arrays.stream(Step.values()).map(step -> Arguments.of(fs, step)));
  }

  private static String root(String kind) {
    String name = "root-" + UUID.randomUUID();
    return kind.equals("hdfs") ? HDFS.uri() + "/" + name : local.resolve(name).toUri().toString();
  }

  private static final Configuration HADOOP = new Configuration();

  /** A crash stopping the commit right after {@code step}. */
  private static final class Crash extends IOException {
    Crash(Step step) {
      super("killed after " + step);
    }
  }

  @ParameterizedTest(name = "{0}, killed after {1}")
  @MethodSource("everyStepOnBothFileSystems")
  void aKillAfterAnyCommitStepLosesNothingAndTheNextAttemptCompletesIt(String kind, Step kill)
      throws Exception {
    String root = root(kind);
    commit(new RunCommitter(HADOOP, root, "r"), "old");

    RunCommitter killed = new RunCommitter(HADOOP, root, "r");
    stage(killed, "new");
    killed.hook(
        step -> {
          if (step == kill) {
            throw new Crash(step);
          }
        });
    assertThatThrownBy(killed::commit).isInstanceOf(Crash.class);

    // Right after the kill: the decided results are found, and the history never lacks the run.
    FileSystem fs = new org.apache.hadoop.fs.Path(root).getFileSystem(HADOOP);
    String decided = kill == Step.STAGED ? "old" : "new";
    String located = CommittedResults.locate(HADOOP, root, "r").orElseThrow();
    assertThat(results(fs, located)).isEqualTo(decided);
    if (kill == Step.OLD_RESULTS_ASIDE) {
      assertThat(results(fs, root + "/r")).isNull(); // between the renames: only locate finds it
    }
    assertThat(visibleHistory(fs, root)).isNotEmpty().isSubsetOf("old", "new");

    // The next attempt holds the lease; it recovers first, then fails (say, on its input).
    RunCommitter next = new RunCommitter(HADOOP, root, "r");
    next.recover();
    next.abort();

    String expected = decided;
    assertThat(results(fs, root + "/r")).isEqualTo(expected);
    assertThat(CommittedResults.locate(HADOOP, root, "r"))
        .contains(fs.makeQualified(path(root + "/r")).toString());
    assertThat(text(fs, root + "/history/r.parquet")).isEqualTo(expected);
    assertThat(children(fs, root)).containsExactlyInAnyOrder("r", "history");
    assertThat(children(fs, root + "/r"))
        .containsExactlyInAnyOrder(RunCommitter.COMMITTED_MARKER, "tests");
  }

  /**
   * What today's code left when killed between its two renames: the only copy of the results in
   * {@code _staging/<run-id>-replaced-<uuid>}. The next attempt restores it instead of deleting it.
   */
  @Test
  void theOnlyCopyLeftByAnOlderVersionIsRestoredNotDeleted() throws Exception {
    String root = root("local");
    commit(new RunCommitter(HADOOP, root, "r"), "old");
    FileSystem fs = path(root).getFileSystem(HADOOP);
    fs.mkdirs(path(root + "/_staging"));
    fs.rename(path(root + "/r"), path(root + "/_staging/r-replaced-" + UUID.randomUUID()));
    fs.mkdirs(path(root + "/_staging/r-" + UUID.randomUUID() + "/tests"));

    RunCommitter next = new RunCommitter(HADOOP, root, "r");
    next.recover();
    next.abort();

    assertThat(results(fs, root + "/r")).isEqualTo("old");
    assertThat(children(fs, root)).containsExactlyInAnyOrder("r", "history");
  }

  @Test
  void anAttemptThatFailsBeforeItsCommitLeavesTheOldResultsAndNoStaging() throws Exception {
    for (String kind : List.of("local", "hdfs")) {
      String root = root(kind);
      commit(new RunCommitter(HADOOP, root, "r"), "old");
      RunCommitter failed = new RunCommitter(HADOOP, root, "r");
      stage(failed, "new");
      failed.abort();
      FileSystem fs = path(root).getFileSystem(HADOOP);
      assertThat(results(fs, root + "/r")).isEqualTo("old");
      assertThat(text(fs, root + "/history/r.parquet")).isEqualTo("old");
      assertThat(children(fs, root)).containsExactlyInAnyOrder("r", "history");
    }
  }

  private static void commit(RunCommitter committer, String content) throws IOException {
    stage(committer, content);
    committer.commit();
  }

  /** A table and a history file whose bytes name the attempt ("old", "new"). */
  private static void stage(RunCommitter committer, String content) throws IOException {
    write(committer.stagingTable("tests") + "/part-0", content);
    write(committer.stagedHistory(), content);
  }

  private static void write(String file, String content) throws IOException {
    FileSystem fs = path(file).getFileSystem(HADOOP);
    try (OutputStream out = fs.create(path(file), false)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The attempt whose committed results are in {@code folder}, or null when there are none. */
  private static String results(FileSystem fs, String folder) throws IOException {
    if (!fs.exists(path(folder + "/" + RunCommitter.COMMITTED_MARKER))) {
      return null;
    }
    return text(fs, folder + "/tests/part-0");
  }

  /** The attempts whose history rows a reader of the history table sees now. */
  private static List<String> visibleHistory(FileSystem fs, String root) throws IOException {
    if (!fs.exists(path(root + "/history"))) {
      return List.of();
    }
    List<String> seen = new java.util.ArrayList<>();
    for (var s : fs.listStatus(path(root + "/history"))) {
      String name = s.getPath().getName();
      if (name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".")) {
        seen.add(text(fs, s.getPath().toString()));
      }
    }
    return seen;
  }

  private static String text(FileSystem fs, String file) throws IOException {
    try (InputStream in = fs.open(path(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> children(FileSystem fs, String folder) throws IOException {
    return Arrays.stream(fs.listStatus(path(folder)))
        .map(s -> s.getPath().getName())
        .filter(n -> !n.endsWith(".crc"))
        .toList();
  }

  private static org.apache.hadoop.fs.Path path(String p) {
    return new org.apache.hadoop.fs.Path(p);
  }
}
