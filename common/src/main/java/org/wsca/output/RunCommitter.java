package org.wsca.output;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staging, then commit: a run writes under {@code <root>/_staging/}, and only a finished run is
 * renamed to {@code <root>/<run-id>}. A failed run leaves the previous results as they were.
 * Folders starting with "_" are ignored by Parquet readers, so staging is never read as results.
 */
public final class RunCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommitter.class);
  public static final String COMMITTED_MARKER = "_WSCA_COMMITTED";

  private final FileSystem fs;
  private final Path root;
  private final Path finalPath;
  private final Path staging;

  public RunCommitter(Configuration hadoop, String root, String runId) {
    try {
      this.root = new Path(root);
      this.fs = this.root.getFileSystem(hadoop);
      this.finalPath = new Path(this.root, runId);
      this.staging = new Path(this.root, "_staging/" + runId + "-" + UUID.randomUUID());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open output root " + root + ": " + e.getMessage(), e);
    }
  }

  public String stagingTable(String table) {
    return new Path(staging, table).toString();
  }

  /** The run's staging folder, where files beside the tables (the report) go before commit. */
  public String stagingDirectory() {
    return staging.toString();
  }

  public String finalPath() {
    return fs.makeQualified(finalPath).toString();
  }

  /** Replaces any previous results of this run id with the staged ones. */
  public void commit() throws IOException {
    fs.create(new Path(staging, COMMITTED_MARKER), true).close();
    Path trash =
        new Path(root, "_staging/" + finalPath.getName() + "-replaced-" + UUID.randomUUID());
    boolean replacing = fs.exists(finalPath);
    if (replacing && !fs.rename(finalPath, trash)) {
      throw new IOException("Cannot move previous results " + finalPath + " aside to " + trash);
    }
    if (!fs.rename(staging, finalPath)) {
      if (replacing) {
        fs.rename(trash, finalPath);
      }
      throw new IOException("Cannot commit " + staging + " to " + finalPath);
    }
    if (replacing) {
      fs.delete(trash, true);
    }
    deleteIfEmpty(new Path(root, "_staging"));
    LOG.info("Committed results to {}", finalPath());
  }

  /**
   * Removes staging folders that earlier attempts of this run id left behind when their driver was
   * killed (a failed run removes its own). Runs of one id never run at the same time: their commits
   * would replace each other.
   */
  public void removeAbandonedAttempts() {
    Path stagingRoot = new Path(root, "_staging");
    Pattern attempt =
        Pattern.compile(
            Pattern.quote(finalPath.getName())
                + "-(replaced-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    try {
      if (!fs.exists(stagingRoot)) {
        return;
      }
      for (FileStatus s : fs.listStatus(stagingRoot)) {
        if (attempt.matcher(s.getPath().getName()).matches()) {
          LOG.info(
              "Removing {}, left by an earlier attempt of run {}",
              s.getPath(),
              finalPath.getName());
          fs.delete(s.getPath(), true);
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "Could not remove abandoned staging folders of run {}: {}",
          finalPath.getName(),
          e.getMessage());
    }
  }

  /** Removes a failed run's staging folder; the committed results were never touched. */
  public void abort() {
    try {
      fs.delete(staging, true);
      deleteIfEmpty(new Path(root, "_staging"));
    } catch (IOException e) {
      LOG.warn("Could not remove staging folder {}: {}", staging, e.getMessage());
    }
  }

  private void deleteIfEmpty(Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }
}
