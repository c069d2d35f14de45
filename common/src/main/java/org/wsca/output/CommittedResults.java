package org.wsca.output;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds a run id's committed results at any instant, also while a re-run of that id commits. The
 * folder {@code <root>/<run-id>} holds them except between the commit's two renames (milliseconds),
 * when the old results are in {@code _staging/<run-id>.previous} and the journal {@code
 * _staging/<run-id>.commit} names the staged folder holding the new ones. This is the documented
 * way for a reader that runs beside a re-run (a dashboard, another job) to never miss the run.
 */
public final class CommittedResults {
  /** Each look is a few metadata calls; a rename between them is followed by another look. */
  private static final int LOOKS = 5;

  private CommittedResults() {}

  /**
   * The folder that holds the committed results of {@code runId} under {@code root} now (the new
   * ones when a commit has decided), or empty when the run id has never been committed.
   */
  public static Optional<String> locate(Configuration hadoop, String root, String runId)
      throws IOException {
    CommitPaths paths = new CommitPaths(new Path(root), runId);
    FileSystem fs = paths.root().getFileSystem(hadoop);
    for (int look = 0; look < LOOKS; look++) {
      Optional<Path> found = look(fs, paths);
      if (found.isPresent()) {
        return Optional.of(fs.makeQualified(found.get()).toString());
      }
    }
    return Optional.empty();
  }

  /** One pass: a decided commit's staged folder, then the folder, then the old copy. */
  private static Optional<Path> look(FileSystem fs, CommitPaths paths) throws IOException {
    Optional<Path> staged = paths.journalled(fs);
    if (staged.isPresent() && committed(fs, staged.get())) {
      return staged;
    }
    if (committed(fs, paths.results())) {
      return Optional.of(paths.results());
    }
    if (committed(fs, paths.previousResults())) {
      return Optional.of(paths.previousResults());
    }
    return Optional.empty();
  }

  private static boolean committed(FileSystem fs, Path folder) throws IOException {
    return fs.exists(new Path(folder, RunCommitter.COMMITTED_MARKER));
  }
}
