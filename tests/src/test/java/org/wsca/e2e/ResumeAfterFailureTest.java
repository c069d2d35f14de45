package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * Resume with the mllib-loop engine: a run that fails after its permutations (its results cannot be
 * staged) keeps its chunks, and the re-run of its run id takes T_b from them instead of refitting.
 * To see that the chunks are used, one chunk's first T_b is overwritten before the re-run and must
 * appear in the committed nulls table.
 */
class ResumeAfterFailureTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void theReRunOfAFailedRunTakesItsFinishedChunks() throws Exception {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    Path out = dir.resolve("out");
    Settings settings =
        Fixtures.demoSettings(
            data,
            out,
            "scopes.per-site=false",
            "permutation.count=19",
            "permutation.engine=mllib-loop",
            "permutation.max-heads-per-chunk=5",
            "input.metadata=[{name=scanner, kind=categorical}]");
    // A file where the staging folder belongs: writing the results fails.
    Files.createDirectories(out);
    Files.writeString(out.resolve("_staging"), "in the way");
    assertThatThrownBy(() -> new AuditRun(spark(), settings).execute())
        .hasStackTraceContaining("_staging");
    List<Path> chunks = chunkFiles(out);
    assertThat(chunks).as("4 chunks: 0-4, 5-9, 10-14, 15-19 (0: the observed labels)").hasSize(4);
    assertThat(out.resolve("test")).doesNotExist();

    Path first =
        chunks.stream()
            .filter(c -> c.getFileName().toString().endsWith("-0-4.chunk"))
            .findFirst()
            .orElseThrow();
    String text = Files.readString(first);
    String row = text.lines().filter(l -> l.startsWith("1\t")).findFirst().orElseThrow();
    Files.writeString(first, text.replace(row, "1\t0.987654321\ttrue"));
    // Hadoop's local file system checks a file against its .crc sibling when there is one.
    Files.deleteIfExists(first.resolveSibling("." + first.getFileName() + ".crc"));
    Files.delete(out.resolve("_staging"));

    String committed = new AuditRun(spark(), settings).execute().outputPath();

    List<Row> nulls =
        spark().read().parquet(committed + "/nulls").orderBy("permutation").collectAsList();
    assertThat(nulls).hasSize(19);
    assertThat(nulls.get(0).<Double>getAs("t")).isEqualTo(0.987654321);
    assertThat(out.resolve("_chunks")).as("dropped after the commit").doesNotExist();
  }

  private static List<Path> chunkFiles(Path out) throws Exception {
    try (Stream<Path> files = Files.walk(out.resolve("_chunks"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".chunk")).toList();
    }
  }
}
