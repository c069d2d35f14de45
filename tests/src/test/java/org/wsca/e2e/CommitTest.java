package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.errors.WscaException;
import org.wsca.output.RunCommitter;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;

/** A failed run never leaves half-written results where a finished run's results belong. */
class CommitTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void aFailedRerunLeavesThePreviousResultsAndNoStaging() throws Exception {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    Path out = dir.resolve("out");
    AuditResult first =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(
                    data,
                    out,
                    "scopes.per-site=false",
                    "permutation.count=19",
                    "input.metadata=[{name=scanner, kind=categorical}]"))
            .execute();
    List<Row> before = spark().read().parquet(first.outputPath() + "/tests").collectAsList();

    assertThatThrownBy(
            () ->
                new AuditRun(
                        spark(),
                        Fixtures.demoSettings(data, out, "input.columns.label=no_such_column"))
                    .execute())
        .isInstanceOf(WscaException.class);

    assertThat(spark().read().parquet(first.outputPath() + "/tests").collectAsList())
        .containsExactlyElementsOf(before);
    assertThat(out.resolve("test").resolve(RunCommitter.COMMITTED_MARKER)).exists();
    assertThat(out.resolve("_staging")).doesNotExist();
    try (var entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("test", "history");
    }
    // The history table holds the committed run only, as it was.
    assertThat(spark().read().parquet(out.resolve("history").toString()).count())
        .isEqualTo(before.size());
  }

  @Test
  void commitReplacesAPreviousRunAndAbortLeavesItUntouched() throws Exception {
    Path root = dir.resolve("root");
    RunCommitter first =
        new RunCommitter(spark().sparkContext().hadoopConfiguration(), root.toString(), "r");
    spark().range(3).write().parquet(first.stagingTable("t"));
    first.commit();

    RunCommitter failed =
        new RunCommitter(spark().sparkContext().hadoopConfiguration(), root.toString(), "r");
    spark().range(10).write().parquet(failed.stagingTable("t"));
    assertThat(spark().read().parquet(root.resolve("r/t").toString()).count()).isEqualTo(3);
    failed.abort();
    assertThat(spark().read().parquet(root.resolve("r/t").toString()).count()).isEqualTo(3);

    RunCommitter second =
        new RunCommitter(spark().sparkContext().hadoopConfiguration(), root.toString(), "r");
    spark().range(5).write().parquet(second.stagingTable("t"));
    second.commit();
    assertThat(spark().read().parquet(root.resolve("r/t").toString()).count()).isEqualTo(5);
    assertThat(root.resolve("_staging")).doesNotExist();
  }

  @Test
  void aNewAttemptRemovesTheStagingAKilledAttemptOfItsRunIdLeft() throws Exception {
    Path root = dir.resolve("root");
    var hadoop = spark().sparkContext().hadoopConfiguration();
    // Neither committed nor aborted: what a killed driver leaves behind.
    spark()
        .range(3)
        .write()
        .parquet(new RunCommitter(hadoop, root.toString(), "r").stagingTable("t"));
    spark()
        .range(3)
        .write()
        .parquet(new RunCommitter(hadoop, root.toString(), "r-2").stagingTable("t"));

    new RunCommitter(hadoop, root.toString(), "r").recover();

    try (var entries = Files.list(root.resolve("_staging"))) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .startsWith("r-2-");
    }
  }
}
