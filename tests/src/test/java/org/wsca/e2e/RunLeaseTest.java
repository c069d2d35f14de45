package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;
import org.wsca.output.RunLease;

/**
 * One writer per run id, on the local file system and on HDFS: a live holder makes a second run
 * fail with exit code 5 having changed nothing; a holder that is gone (a process ended on this
 * host, or no heartbeat for lease-stale-after) loses its lease to the next run; a run that lost its
 * lease may not commit and does not remove the new holder's lease.
 */
class RunLeaseTest {
  private static final Configuration HADOOP = new Configuration();
  private static final Duration STALE = Duration.ofMinutes(10);
  @RegisterExtension static final MiniHdfs HDFS = new MiniHdfs();
  @TempDir static Path local;

  private static String root(String kind) {
    String name = "root-" + UUID.randomUUID();
    return kind.equals("hdfs") ? HDFS.uri() + "/" + name : local.resolve(name).toUri().toString();
  }

  private static org.apache.hadoop.fs.Path leaseFile(String root) {
    return new org.apache.hadoop.fs.Path(root + "/_leases/r.lease");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs"})
  void aSecondRunOfALiveRunIdIsBusyAndChangesNothing(String kind) throws Exception {
    String root = root(kind);
    RunLease first = RunLease.acquire(HADOOP, root, "r", "app-1", STALE);
    String held = read(root);
    assertThat(held).contains("app=app-1", "pid=" + ProcessHandle.current().pid());

    assertThatThrownBy(() -> RunLease.acquire(HADOOP, root, "r", "app-2", STALE))
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RUN_ID_BUSY))
        .hasMessageContaining("Run id r is busy")
        .hasMessageContaining("application app-1")
        .hasMessageContaining("changed nothing");
    assertThat(read(root)).isEqualTo(held);

    first.close();
    assertThat(fs(root).exists(new org.apache.hadoop.fs.Path(root + "/_leases"))).isFalse();
    try (RunLease second = RunLease.acquire(HADOOP, root, "r", "app-2", STALE)) {
      assertThat(read(root)).contains("app=app-2");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs"})
  void aLeaseWhoseProcessEndedOnThisHostIsBrokenAtOnce(String kind) throws Exception {
    String root = root(kind);
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    write(root, holder(InetAddress.getLocalHost().getHostName(), ended.pid()));

    try (RunLease lease = RunLease.acquire(HADOOP, root, "r", "app-new", STALE)) {
      assertThat(read(root)).contains("app=app-new");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs"})
  void aLeaseFromAnotherHostIsBrokenOnlyOnceItsHeartbeatIsStale(String kind) throws Exception {
    String root = root(kind);
    write(root, holder("another-host", 4242));
    assertThatThrownBy(() -> RunLease.acquire(HADOOP, root, "r", "app-new", STALE))
        .isInstanceOfSatisfying(
            WscaException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RUN_ID_BUSY));

    long elevenMinutesAgo = Instant.now().minus(Duration.ofMinutes(11)).toEpochMilli();
    fs(root).setTimes(leaseFile(root), elevenMinutesAgo, -1);
    try (RunLease lease = RunLease.acquire(HADOOP, root, "r", "app-new", STALE)) {
      assertThat(read(root)).contains("app=app-new");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs"})
  void aRunThatLostItsLeaseMayNotCommitNorRemoveTheNewLease(String kind) throws Exception {
    String root = root(kind);
    RunLease paused = RunLease.acquire(HADOOP, root, "r", "app-paused", STALE);
    // Another run found it stale (the driver was paused) and took the run id over.
    fs(root).delete(leaseFile(root), false);
    write(root, holder("another-host", 4242));

    assertThatThrownBy(paused::requireHeld).hasMessageContaining("lost the lease");
    paused.close();
    assertThat(read(root)).contains("host=another-host");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs"})
  void theHolderRefreshesItsHeartbeat(String kind) throws Exception {
    String root = root(kind);
    try (RunLease lease = RunLease.acquire(HADOOP, root, "r", "app", Duration.ofSeconds(1))) {
      long anHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
      fs(root).setTimes(leaseFile(root), anHourAgo, -1);
      Instant deadline = Instant.now().plusSeconds(30);
      while (fs(root).getFileStatus(leaseFile(root)).getModificationTime() <= anHourAgo) {
        assertThat(Instant.now()).as("a heartbeat within 30 s").isBefore(deadline);
        Thread.sleep(100);
      }
    }
  }

  private static String holder(String host, long pid) {
    return "token="
        + UUID.randomUUID()
        + "\napp=app-old\nhost="
        + host
        + "\npid="
        + pid
        + "\nprocess-start=\ntaken=2026-11-30T00:00:00Z\n";
  }

  private static FileSystem fs(String root) throws IOException {
    FileSystem fs = new org.apache.hadoop.fs.Path(root).getFileSystem(HADOOP);
    return fs instanceof LocalFileSystem l ? l.getRaw() : fs; // as the lease: no checksum files
  }

  private static void write(String root, String content) throws IOException {
    try (OutputStream out = fs(root).create(leaseFile(root), true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String read(String root) throws IOException {
    try (InputStream in = fs(root).open(leaseFile(root))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
