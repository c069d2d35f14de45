package org.wsca.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staging, then a journalled commit. A run writes its tables, report and history file under {@code
 * <root>/_staging/<run-id>-<uuid>/}. The commit then
 *
 * <ol>
 *   <li>writes the marker {@code _WSCA_COMMITTED} into staging ({@link Step#STAGED});
 *   <li>writes the journal {@code _staging/<run-id>.commit} naming the staging folder: from here on
 *       the new results win, whatever happens ({@link Step#DECIDED});
 *   <li>moves the staged history file into the history table beside the old one, as {@code
 *       history/<run-id>+committing.parquet}, deletes the old {@code history/<run-id>.parquet} and
 *       renames the new one to that name: the run is never missing from the table;
 *   <li>moves the old results {@code <root>/<run-id>} aside to {@code _staging/<run-id>.previous}
 *       and the staged folder in; between these two renames {@link CommittedResults#locate} finds
 *       the new results through the journal;
 *   <li>deletes the old results, then the journal.
 * </ol>
 *
 * Every step is a rename or a delete, and the journal makes them idempotent: after a crash the next
 * run of that run id (the lease holder, in {@link #recover()}) completes a decided commit before it
 * does anything else, and removes an undecided attempt's staging. No attempt deletes old results
 * before the new ones are in place. Folders starting with "_" are ignored by Parquet readers.
 *
 * <p>The commit, its roll-forward and the recovery stay in one class although it is over 250 lines:
 * they are one protocol, and each step's idempotence is checked against the others here.
 */
public final class RunCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommitter.class);
  public static final String COMMITTED_MARKER = "_WSCA_COMMITTED";
  public static final String STAGING = CommitPaths.STAGING;
  private static final String STAGED_HISTORY = "_history.parquet";
  private static final String NO_HISTORY = "_no-history";

  /** The points of the commit, in order; a test hook can stop the commit right after any one. */
  public enum Step {
    STAGED,
    DECIDED,
    NEW_HISTORY_BESIDE,
    OLD_HISTORY_REMOVED,
    NEW_HISTORY_IN,
    OLD_RESULTS_ASIDE,
    NEW_RESULTS_IN,
    OLD_REMOVED,
    DONE
  }

  /** Called after each step; throwing stops the commit there, as a crash would. */
  @FunctionalInterface
  public interface Hook {
    void reached(Step step) throws IOException;
  }

  private final FileSystem fs;
  private final CommitPaths paths;
  private final String runId;
  private final Path finalPath;
  private final Path stagingRoot;
  private final Path staging;
  private Hook hook = step -> {};

  public RunCommitter(Configuration hadoop, String root, String runId) {
    try {
      this.paths = new CommitPaths(new Path(root), runId);
      this.fs = paths.root().getFileSystem(hadoop);
      this.runId = runId;
      this.finalPath = paths.results();
      this.stagingRoot = paths.stagingRoot();
      this.staging = new Path(stagingRoot, runId + "-" + UUID.randomUUID());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open output root " + root + ": " + e.getMessage(), e);
    }
  }

  /** Sets the hook called after each commit step (the lease check; kill points in tests). */
  public RunCommitter hook(Hook hook) {
    this.hook = hook;
    return this;
  }

  public String stagingTable(String table) {
    return new Path(staging, table).toString();
  }

  /** The run's staging folder, where files beside the tables (the report) go before commit. */
  public String stagingDirectory() {
    return staging.toString();
  }

  /** Where the run's history file is staged; the commit moves it to the history table. */
  public String stagedHistory() {
    return new Path(staging, STAGED_HISTORY).toString();
  }

  public String finalPath() {
    return fs.makeQualified(finalPath).toString();
  }

  private Path journal() {
    return paths.journal();
  }

  private Path previousResults() {
    return paths.previousResults();
  }

  /** Replaces any previous results (and history rows) of this run id with the staged ones. */
  public void commit() throws IOException {
    fs.create(new Path(staging, COMMITTED_MARKER), true).close();
    if (!fs.exists(new Path(staging, STAGED_HISTORY))) {
      fs.create(new Path(staging, NO_HISTORY), true).close(); // the commit removes the old rows
    }
    hook.reached(Step.STAGED);
    writeJournal(staging.getName());
    hook.reached(Step.DECIDED);
    rollForward(staging);
    LOG.info("Committed results to {}", finalPath());
  }

  /** The journal is written under a temporary name and renamed, so it is whole or absent. */
  private void writeJournal(String stagingName) throws IOException {
    Path temporary = new Path(stagingRoot, "." + runId + ".commit-" + UUID.randomUUID());
    try (OutputStream out = fs.create(temporary, false)) {
      out.write(stagingName.getBytes(StandardCharsets.UTF_8));
    }
    if (!fs.rename(temporary, journal())) {
      fs.delete(temporary, false);
      throw new IOException("Cannot write the commit journal " + journal());
    }
  }

  /** Completes the decided commit of {@code staged}; each step is skipped when already done. */
  private void rollForward(Path staged) throws IOException {
    if (fs.exists(staged)) {
      Path newHistory = new Path(staged, STAGED_HISTORY);
      Path noHistory = new Path(staged, NO_HISTORY);
      if (fs.exists(newHistory)) {
        fs.mkdirs(paths.history().getParent());
        rename(newHistory, paths.incomingHistory());
        hook.reached(Step.NEW_HISTORY_BESIDE);
      } else if (fs.exists(noHistory)) {
        fs.delete(paths.history(), false);
        fs.delete(noHistory, false);
      }
    }
    if (fs.exists(paths.incomingHistory())) {
      fs.delete(paths.history(), false);
      hook.reached(Step.OLD_HISTORY_REMOVED);
      rename(paths.incomingHistory(), paths.history());
      hook.reached(Step.NEW_HISTORY_IN);
    }
    if (fs.exists(staged)) {
      moveAside(finalPath, previousResults());
      hook.reached(Step.OLD_RESULTS_ASIDE);
      rename(staged, finalPath);
      hook.reached(Step.NEW_RESULTS_IN);
    } else if (!fs.exists(finalPath) && fs.exists(previousResults())) {
      rename(previousResults(), finalPath); // staging lost: never leave the run id empty
    }
    fs.delete(previousResults(), true);
    // Where version 0.2.0 kept the old history file during its commit.
    fs.delete(new Path(stagingRoot, runId + ".previous-history.parquet"), false);
    hook.reached(Step.OLD_REMOVED);
    fs.delete(journal(), false);
    deleteIfEmpty(stagingRoot);
    hook.reached(Step.DONE);
  }

  private void moveAside(Path current, Path aside) throws IOException {
    if (!fs.exists(current)) {
      return;
    }
    if (fs.exists(aside)) {
      throw new IOException(
          "Cannot move " + current + " aside: " + aside + " exists. Remove neither; see the log.");
    }
    rename(current, aside);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot rename " + from + " to " + to);
    }
  }

  /**
   * For the lease holder, before it writes anything: completes a commit of this run id that a crash
   * interrupted after its decision, and removes what undecided attempts left in staging (their
   * drivers were killed; a failed run removes its own).
   */
  public void recover() throws IOException {
    Optional<Path> begun = paths.journalled(fs);
    if (begun.isPresent()) {
      LOG.warn(
          "Run {}: completing the commit of {} that an earlier attempt began",
          runId,
          begun.get().getName());
      rollForward(begun.get());
    }
    if (!fs.exists(stagingRoot)) {
      return;
    }
    Pattern attempt = Pattern.compile(Pattern.quote(runId) + "-(replaced-)?" + UUID_PATTERN);
    for (FileStatus s : fs.listStatus(stagingRoot)) {
      var m = attempt.matcher(s.getPath().getName());
      if (!m.matches() || s.getPath().equals(staging)) {
        continue;
      }
      if (m.group(1) != null && !fs.exists(finalPath)) {
        // Left by an older version killed between its two renames: the only copy.
        LOG.warn("Restoring {} to {}", s.getPath(), finalPath);
        rename(s.getPath(), finalPath);
      } else {
        LOG.info("Removing {}, left by an earlier attempt of run {}", s.getPath(), runId);
        fs.delete(s.getPath(), true);
      }
    }
    deleteIfEmpty(stagingRoot);
  }

  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /**
   * After a failure: removes this run's staging, unless its commit was decided; then it completes
   * the commit (or, failing again, leaves it for the next run of the run id to complete).
   */
  public void abort() {
    try {
      if (decided()) {
        rollForward(staging);
        return;
      }
      fs.delete(staging, true);
      deleteIfEmpty(stagingRoot);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not clean up after the failed run {}: {}", runId, e.getMessage());
    }
  }

  /** True when this attempt's commit passed its decision point (its journal exists). */
  public boolean decided() throws IOException {
    return paths.journalled(fs).map(p -> p.getName().equals(staging.getName())).orElse(false);
  }

  private void deleteIfEmpty(Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }
}
