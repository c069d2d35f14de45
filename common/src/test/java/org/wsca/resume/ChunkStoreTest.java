package org.wsca.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real (local) Hadoop file system. */
class ChunkStoreTest {
  @TempDir Path dir;
  private final Configuration hadoop = new Configuration();
  private final ChunkKey key = new ChunkKey("scanner", "pooled", 1, 2);
  private final ChunkResult result =
      new ChunkResult(new double[] {0.25, 0.5}, new boolean[] {true, false});

  private ChunkStore open(String fingerprint, boolean enabled) {
    return ChunkStore.open(hadoop, dir.toString(), "2026-11-28", fingerprint, enabled);
  }

  @Test
  void aLaterAttemptWithTheSameFingerprintReusesAChunk() {
    open("f1", true).save(key, result);
    ChunkStore again = open("f1", true);
    ChunkResult back = again.load(key).orElseThrow();
    assertThat(back.statistics()).containsExactly(0.25, 0.5);
    assertThat(back.converged()).containsExactly(true, false);
    assertThat(again.reused()).isEqualTo(1);
    assertThat(again.load(new ChunkKey("scanner", "pooled", 3, 4))).isEmpty();
  }

  @Test
  void anotherFingerprintDiscardsTheOldChunks() {
    open("f1", true).save(key, result);
    assertThat(open("f2", true).load(key)).isEmpty();
    assertThat(dir.resolve("_chunks/2026-11-28/f1")).doesNotExist();
    assertThat(open("f1", true).load(key)).isEmpty();
  }

  @Test
  void aDisabledStoreKeepsNothingButStillDeletesWhatAnEarlierAttemptLeft() {
    open("f1", true).save(key, result);
    ChunkStore off = open("f1", false);
    assertThat(off.load(key)).isEmpty();
    off.save(new ChunkKey("scanner", "pooled", 3, 4), result);
    assertThat(dir.resolve("_chunks/2026-11-28/f1").toFile().list())
        .filteredOn(n -> n.endsWith(".chunk"))
        .hasSize(1);
    off.delete();
    assertThat(dir.resolve("_chunks")).doesNotExist();
  }
}
