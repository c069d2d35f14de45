package org.wsca.output;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where one run id's committed results, staging, commit journal and history file live under the
 * output root; shared by the commit and by readers that locate results during a commit.
 */
record CommitPaths(Path root, String runId) {
  static final String STAGING = "_staging";

  /** The committed results, {@code <root>/<run-id>}. */
  Path results() {
    return new Path(root, runId);
  }

  Path stagingRoot() {
    return new Path(root, STAGING);
  }

  /** Names the staging folder whose commit was decided, while that commit runs. */
  Path journal() {
    return new Path(stagingRoot(), runId + ".commit");
  }

  /** The staging folder a decided commit names in the journal; empty when none is under way. */
  Optional<Path> journalled(FileSystem fs) throws IOException {
    try (InputStream in = fs.open(journal())) {
      String name = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return Optional.of(new Path(stagingRoot(), name));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The old results while the new ones move in. */
  Path previousResults() {
    return new Path(stagingRoot(), runId + ".previous");
  }

  /** The run's file in the history table. */
  Path history() {
    return new Path(new Path(root, History.TABLE), runId + ".parquet");
  }

  /**
   * The new history file beside the old one during a commit. Visible to readers, so the run is
   * never missing from the table (it may be there twice for a moment; readers keep the newer rows).
   * "+" cannot occur in a run id, so this name is no other run's file.
   */
  Path incomingHistory() {
    return new Path(new Path(root, History.TABLE), runId + "+committing.parquet");
  }
}
