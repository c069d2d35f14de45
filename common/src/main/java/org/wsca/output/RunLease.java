package org.wsca.output;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;

/**
 * One writer per run id: before it reads anything, a run creates {@code
 * <root>/_leases/<run-id>.lease} with an atomic exclusive create (O_EXCL on a local disk, the
 * NameNode's create-if-absent on HDFS). Only the holder may stage, commit, recover or remove
 * staging of that run id. While the run lives, a heartbeat refreshes the file's modification time.
 *
 * <p>A lease is stale, and a new run may break it, when its holder ran on this host and that
 * process is gone, or when its heartbeat is older than {@code staleAfter} (a driver killed on
 * another host). Breaking renames the stale file aside first, so of two runs breaking at once only
 * one wins.
 */
public final class RunLease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);
  public static final String FOLDER = "_leases";

  private final FileSystem fs;
  private final Path file;
  private final LeaseHolder holder;
  private final ScheduledExecutorService heartbeat;
  private volatile boolean lost;

  private RunLease(FileSystem fs, Path file, LeaseHolder holder, Duration staleAfter) {
    this.fs = fs;
    this.file = file;
    this.holder = holder;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wsca-lease-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(200, staleAfter.toMillis() / 4);
    heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lease of {@code runId} under {@code root}, breaking a stale one; a live holder makes
   * this fail with {@link ExitCode#RUN_ID_BUSY}, having changed nothing.
   */
  public static RunLease acquire(
      Configuration hadoop, String root, String runId, String appId, Duration staleAfter) {
    Path file = new Path(new Path(root, FOLDER), runId + ".lease");
    try {
      FileSystem fs = LeaseFile.raw(file.getFileSystem(hadoop));
      Path qualified = fs.makeQualified(file);
      LeaseHolder me = LeaseHolder.current(appId, hostName());
      for (int attempt = 0; attempt < 3; attempt++) {
        if (LeaseFile.createExclusive(fs, qualified, me.encode())) {
          LOG.info("Took the lease of run {}: {}", runId, qualified);
          return new RunLease(fs, qualified, me, staleAfter);
        }
        breakIfStale(fs, qualified, runId, staleAfter);
      }
      throw busy(
          runId, qualified, LeaseFile.read(fs, qualified), "it changed hands while this run tried");
    } catch (IOException e) {
      deleteIfEmpty(hadoop, file.getParent());
      throw new WscaException(
          ExitCode.FAILURE,
          "Cannot take the lease of run "
              + runId
              + " at "
              + file
              + ": "
              + e.getMessage()
              + ". Fix: check that output.root is writable.",
          e);
    }
  }

  private static void deleteIfEmpty(Configuration hadoop, Path folder) {
    try {
      FileSystem fs = folder.getFileSystem(hadoop);
      if (fs.exists(folder) && fs.listStatus(folder).length == 0) {
        fs.delete(folder, false);
      }
    } catch (IOException e) {
      LOG.debug("Cannot remove the empty lease folder {}: {}", folder, e.getMessage());
    }
  }

  /** Fails with {@link ExitCode#RUN_ID_BUSY} unless the lease is stale; then moves it aside. */
  private static void breakIfStale(FileSystem fs, Path file, String runId, Duration staleAfter)
      throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(file);
    } catch (java.io.FileNotFoundException e) {
      return; // released meanwhile: try again
    }
    LeaseHolder holder = LeaseFile.read(fs, file);
    Instant beat = Instant.ofEpochMilli(status.getModificationTime());
    String why = holder.staleReason(hostName(), beat, Instant.now(), staleAfter);
    if (why == null) {
      throw busy(runId, file, holder, "its heartbeat is " + age(beat) + " old");
    }
    Path aside = new Path(file.getParent(), file.getName() + ".broken-" + UUID.randomUUID());
    if (!fs.rename(file, aside)) {
      return; // another run broke it first: try again, and meet its lease
    }
    LeaseHolder moved = LeaseFile.read(fs, aside);
    if (!moved.token().equals(holder.token())) {
      // A new holder's fresh lease was moved, not the stale one: put it back.
      fs.rename(aside, file);
      throw busy(runId, file, moved, "another run took it over just now");
    }
    fs.delete(aside, false);
    LOG.warn("Broke the stale lease of run {} ({}): {}", runId, why, holder.describe());
  }

  private static WscaException busy(String runId, Path file, LeaseHolder holder, String detail) {
    return new WscaException(
        ExitCode.RUN_ID_BUSY,
        "Run id "
            + runId
            + " is busy: another run holds its lease "
            + file
            + " ("
            + holder.describe()
            + "; "
            + detail
            + "). This run changed nothing. Fix: wait for that run to end and re-run, or"
            + " use another run id. If that run was killed on another host, its lease"
            + " becomes stale once its heartbeat is older than wsca.output.lease-stale-after;"
            + " a killed run on this host is detected at once.");
  }

  private void beat() {
    try {
      if (!LeaseFile.read(fs, file).token().equals(holder.token())) {
        markLost("it now belongs to another run");
        return;
      }
      long now = System.currentTimeMillis();
      fs.setTimes(file, now, -1);
      if (fs.getFileStatus(file).getModificationTime() < now - 1000) {
        // Object stores (s3a) ignore setTimes: rewriting the object refreshes its time.
        try (OutputStream out = fs.create(file, true)) {
          out.write(holder.encode().getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (java.io.FileNotFoundException e) {
      markLost("its file is gone");
    } catch (IOException e) {
      LOG.warn("Cannot refresh the lease {}: {}", file, e.getMessage());
    }
  }

  private void markLost(String why) {
    if (!lost) {
      LOG.error("Lost the lease {}: {}. This run will not commit.", file, why);
    }
    lost = true;
    heartbeat.shutdown();
  }

  /** Fails unless this run still holds the lease: checked just before the commit point. */
  public void requireHeld() throws IOException {
    if (lost || !LeaseFile.read(fs, file).token().equals(holder.token())) {
      lost = true;
      throw new IOException(
          "This run lost the lease "
              + file
              + " (it was paused or cut off longer than wsca.output.lease-stale-after and"
              + " another run took the run id over); it does not commit.");
    }
  }

  /** Releases the lease if this run still holds it; removes the lease folder when empty. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      if (!lost && LeaseFile.read(fs, file).token().equals(holder.token())) {
        fs.delete(file, false);
      }
      Path folder = file.getParent();
      if (fs.exists(folder) && fs.listStatus(folder).length == 0) {
        fs.delete(folder, false);
      }
    } catch (IOException e) {
      LOG.warn("Cannot release the lease {}: {}", file, e.getMessage());
    }
  }

  public Path file() {
    return file;
  }

  private static String age(Instant beat) {
    return Duration.between(beat, Instant.now()).toSeconds() + " s";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
