package org.wsca.resume;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.settings.Settings;

/**
 * Completed permutation chunks of one run id, kept on the output file system at {@code
 * <root>/_chunks/<run-id>/<fingerprint>/} until the run commits, so a re-run of a run that died (a
 * failed job, a killed driver) refits only the chunks that were not finished. Each chunk is written
 * to a temporary name and renamed, so a chunk file is either complete or absent. Chunks under
 * another fingerprint (other settings or input) are deleted when the store opens. Folders starting
 * with "_" are ignored by Parquet readers, so chunks are never read as results.
 */
public final class ChunkStore {
  private static final Logger LOG = LoggerFactory.getLogger(ChunkStore.class);
  public static final String FOLDER = "_chunks";

  private final FileSystem fs;
  private final Path chunksRoot;
  private final Path runFolder;
  private final Path folder;
  private final boolean enabled;
  private final AtomicInteger reused = new AtomicInteger();
  private final AtomicInteger saved = new AtomicInteger();

  private ChunkStore(FileSystem fs, Path chunksRoot, Path runFolder, Path folder, boolean enabled) {
    this.fs = fs;
    this.chunksRoot = chunksRoot;
    this.runFolder = runFolder;
    this.folder = folder;
    this.enabled = enabled;
  }

  /**
   * The chunk store of run {@code runId} under {@code root}. When {@code enabled} is false nothing
   * is read or written, but {@link #delete()} still removes chunks an earlier attempt left.
   */
  public static ChunkStore open(
      Configuration hadoop, String root, String runId, String fingerprint, boolean enabled) {
    try {
      Path chunksRoot = new Path(root, FOLDER);
      FileSystem fs = chunksRoot.getFileSystem(hadoop);
      Path runFolder = new Path(chunksRoot, runId);
      ChunkStore store =
          new ChunkStore(fs, chunksRoot, runFolder, new Path(runFolder, fingerprint), enabled);
      if (enabled) {
        store.discardStale();
      }
      return store;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot open the permutation chunks of run "
              + runId
              + " under "
              + root
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The chunk store of an audit run, keyed by a fingerprint of the settings and the files (input,
   * supplied head) the results depend on; with output.resume = false nothing is kept.
   */
  public static ChunkStore forRun(
      Configuration hadoop, Settings settings, String runId, String version) {
    String root = settings.output().root();
    if (!settings.output().resume()) {
      return open(hadoop, root, runId, "off", false);
    }
    List<String> files = new ArrayList<>(settings.input().paths());
    settings.primaryHead().path().ifPresent(files::add);
    String fingerprint =
        Fingerprint.of(settings.resolvedJson(), version, Fingerprint.fileFacts(hadoop, files));
    return open(hadoop, root, runId, fingerprint, true);
  }

  /** A store that keeps nothing: for engines used outside an audit run. */
  public static ChunkStore none() {
    return new ChunkStore(null, null, null, null, false);
  }

  /** The chunk's result, when an earlier attempt with this fingerprint completed it. */
  public Optional<ChunkResult> load(ChunkKey key) {
    if (!enabled) {
      return Optional.empty();
    }
    Path file = new Path(folder, key.fileName());
    try {
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      String text;
      try (InputStream in = fs.open(file)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Optional<ChunkResult> result = ChunkFile.decode(text, key);
      if (result.isEmpty()) {
        LOG.warn("Chunk file {} does not hold {}; refitting it", file, key);
        return result;
      }
      reused.incrementAndGet();
      LOG.info("Resume: reused the completed chunk {} from {}", key, file);
      return result;
    } catch (IOException e) {
      LOG.warn("Cannot read chunk file {} ({}); refitting {}", file, e.getMessage(), key);
      return Optional.empty();
    }
  }

  /** Persists a completed chunk. Failing to write costs only a refit later: a warning. */
  public void save(ChunkKey key, ChunkResult result) {
    if (!enabled) {
      return;
    }
    Path file = new Path(folder, key.fileName());
    Path temporary = new Path(folder, "." + key.fileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = fs.create(temporary, true)) {
        out.write(ChunkFile.encode(key, result).getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(file, false);
      if (!fs.rename(temporary, file)) {
        throw new IOException("rename to " + file + " failed");
      }
      saved.incrementAndGet();
    } catch (IOException e) {
      LOG.warn("Cannot persist {} to {} ({}); a re-run would refit it", key, file, e.getMessage());
      deleteQuietly(temporary);
    }
  }

  /** Removes this run's chunks; called once the run's results are committed. */
  public void delete() {
    if (fs == null) {
      return;
    }
    try {
      if (fs.exists(runFolder)) {
        fs.delete(runFolder, true);
      }
      if (fs.exists(chunksRoot) && fs.listStatus(chunksRoot).length == 0) {
        fs.delete(chunksRoot, false);
      }
    } catch (IOException e) {
      LOG.warn("Cannot remove the permutation chunks {}: {}", runFolder, e.getMessage());
    }
  }

  /** Chunks read back from an earlier attempt during this run. */
  public int reused() {
    return reused.get();
  }

  /** Chunks fitted and persisted during this run. */
  public int saved() {
    return saved.get();
  }

  private void discardStale() throws IOException {
    if (!fs.exists(runFolder)) {
      return;
    }
    for (FileStatus status : fs.listStatus(runFolder)) {
      if (!status.getPath().getName().equals(folder.getName())) {
        LOG.info(
            "Resume: discarding permutation chunks {} of an earlier attempt with other"
                + " settings or input",
            status.getPath());
        fs.delete(status.getPath(), true);
      }
    }
  }

  private void deleteQuietly(Path path) {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.debug("Cannot remove {}: {}", path, e.getMessage());
    }
  }
}
