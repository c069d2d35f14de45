package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;
import org.wsca.output.OutputCheck;

/**
 * Cases 7 and 8 of issue 15: an output root that cannot take results fails before any work (it used
 * to fail after every permutation, or with Spark's internal "Conflicting directory structures"
 * assertion), with exit code 2, the path and the fix.
 */
class OutputCheckTest {
  private static final Configuration HADOOP = new Configuration();
  @RegisterExtension static final MiniHdfs HDFS = new MiniHdfs();
  @TempDir Path dir;

  private static String failure(String root, List<String> inputs) {
    WscaException e =
        catchThrowableOfType(WscaException.class, () -> OutputCheck.require(HADOOP, root, inputs));
    assertThat(e).as("an output error").isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_SETTINGS);
    return e.getMessage();
  }

  @Test
  void aRootThatIsAFileIsRejected() throws IOException {
    Path file = Files.writeString(dir.resolve("results"), "not a folder");
    assertThat(failure(file.toString(), List.of(dir.resolve("in").toString())))
        .contains(file.toString())
        .contains("is a file, not a folder")
        .contains("Fix:");
  }

  @Test
  void aHistoryTableThatIsAFileIsRejected() throws IOException {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/history"), "not a folder");
    assertThat(failure(dir.resolve("out").toString(), List.of()))
        .contains("the history table")
        .contains("is a file");
  }

  @Test
  void aRootInsideAnInputPathIsRejected() throws IOException {
    Path input = Files.createDirectories(dir.resolve("data"));
    for (String root : List.of(input.resolve("results").toString(), input.toString())) {
      assertThat(failure(root, List.of(input.toString())))
          .contains("lies inside the input path")
          .contains("Fix: set output.root");
    }
    OutputCheck.require(HADOOP, dir.resolve("data-results").toString(), List.of(input.toString()));
  }

  @Test
  void aReadOnlyRootIsRejected() throws Exception {
    String root = HDFS.uri() + "/read-only";
    HDFS.fileSystem().mkdirs(new org.apache.hadoop.fs.Path(root));
    HDFS.fileSystem()
        .setPermission(new org.apache.hadoop.fs.Path(root), new FsPermission((short) 0555));
    // Not as the test's user: it started the NameNode, so it is HDFS's superuser.
    UserGroupInformation alice =
        UserGroupInformation.createUserForTesting("alice", new String[] {"users"});
    String message = alice.doAs((PrivilegedExceptionAction<String>) () -> failure(root, List.of()));
    assertThat(message)
        .contains("Cannot write to output.root " + root)
        .contains("AccessControlException")
        .contains("nothing was computed yet");
  }
}
