package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.errors.WscaException;
import org.wsca.output.History;
import org.wsca.output.RunCommitter;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * An audit with its input and its output on a real HDFS (a NameNode and a DataNode in this JVM),
 * addressed by hdfs:// URIs, and the staging-then-commit guarantee there: HDFS renames are what
 * make a commit atomic, and a failed run must leave the previous results and no staging.
 */
class HdfsTest extends SparkTestBase {
  @RegisterExtension static final MiniHdfs HDFS = new MiniHdfs();
  @TempDir Path dir;

  private static String root() {
    return HDFS.uri() + "/wsca";
  }

  private static org.apache.hadoop.fs.Path hdfsPath(String path) {
    return new org.apache.hadoop.fs.Path(path);
  }

  private String demoInput(String name) {
    String input = root() + "/" + name;
    new DemoData(DemoData.Variant.BIASED, 8, 3, 7, DemoData.Strengths.defaults(), 0.15)
        .generate(spark(), 2)
        .write()
        .partitionBy("site")
        .parquet(input);
    return input;
  }

  private Settings settings(String input, String out, String... more) {
    String[] overrides = Arrays.copyOf(more, more.length + 4);
    overrides[more.length] = "output.root=\"" + out + "\"";
    overrides[more.length + 1] = "scopes.per-site=false";
    overrides[more.length + 2] = "permutation.count=19";
    overrides[more.length + 3] = "input.metadata=[{name=scanner, kind=categorical}]";
    // Fixtures' local output root is replaced by the hdfs:// one (later overrides win).
    return Fixtures.demoSettings(input, dir, overrides);
  }

  private static List<String> children(String path) throws IOException {
    return Arrays.stream(HDFS.fileSystem().listStatus(hdfsPath(path)))
        .map(s -> s.getPath().getName())
        .sorted()
        .toList();
  }

  @Test
  void auditsFromHdfsToHdfsAndAFailedRerunKeepsThePreviousResults() throws Exception {
    String input = demoInput("input");
    String out = root() + "/audits";
    AuditResult first = new AuditRun(spark(), settings(input, out)).execute();

    assertThat(first.outputPath()).startsWith(HDFS.uri() + "/wsca/audits/test");
    assertThat(first.tests())
        .singleElement()
        .satisfies(t -> assertThat(t.task()).isEqualTo("scanner"));
    List<Row> before = spark().read().parquet(first.outputPath() + "/tests").collectAsList();
    assertThat(before).hasSize(1);
    assertThat(spark().read().parquet(first.outputPath() + "/manifest").count()).isEqualTo(1);
    assertThat(children(out + "/test"))
        .contains(
            RunCommitter.COMMITTED_MARKER,
            "tests",
            "wsc",
            "heads",
            "pca",
            "rejects",
            "manifest",
            "report.html",
            "figures");
    assertThat(children(out + "/test/figures"))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).matches("[a-z0-9-]+\\.png"));

    assertThatThrownBy(
            () ->
                new AuditRun(spark(), settings(input, out, "input.columns.label=no_such_column"))
                    .execute())
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("no_such_column");

    assertThat(spark().read().parquet(first.outputPath() + "/tests").collectAsList())
        .containsExactlyElementsOf(before);
    assertThat(children(out)).containsExactly("history", "test");
    assertThat(History.previousRuns(spark(), out, "2026-11-28", 5))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.runId()).isEqualTo("test");
              assertThat(h.t()).isEqualTo(first.tests().get(0).t());
            });
  }

  @Test
  void aRunThatFailsWhileWritingLeavesThePreviousResultsAndNoStaging() throws Exception {
    String input = demoInput("input-quota");
    String out = root() + "/audits-quota";
    AuditResult first = new AuditRun(spark(), settings(input, out)).execute();
    List<Row> before = spark().read().parquet(first.outputPath() + "/tests").collectAsList();

    // A space quota below one block: the rerun's tasks fail while they write its tables.
    DistributedFileSystem fs = HDFS.fileSystem();
    fs.setQuota(hdfsPath(out), HdfsConstants.QUOTA_DONT_SET, 1);
    try {
      assertThatThrownBy(() -> new AuditRun(spark(), settings(input, out)).execute())
          .hasStackTraceContaining("DSQuotaExceededException");
    } finally {
      fs.setQuota(hdfsPath(out), HdfsConstants.QUOTA_DONT_SET, HdfsConstants.QUOTA_RESET);
    }

    assertThat(spark().read().parquet(first.outputPath() + "/tests").collectAsList())
        .containsExactlyElementsOf(before);
    // _chunks: what the failed run finished, kept for a re-run to resume from.
    assertThat(children(out))
        .filteredOn(n -> !n.equals("_chunks"))
        .containsExactly("history", "test");
  }

  @Test
  void commitReplacesAndAbortKeepsOnHdfs() throws Exception {
    String out = root() + "/committer";
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    RunCommitter first = new RunCommitter(conf, out, "r");
    spark().range(3).write().parquet(first.stagingTable("t"));
    first.commit();

    RunCommitter failed = new RunCommitter(conf, out, "r");
    spark().range(10).write().parquet(failed.stagingTable("t"));
    assertThat(spark().read().parquet(out + "/r/t").count()).isEqualTo(3);
    failed.abort();
    assertThat(spark().read().parquet(out + "/r/t").count()).isEqualTo(3);
    assertThat(children(out)).containsExactly("r");

    RunCommitter second = new RunCommitter(conf, out, "r");
    spark().range(5).write().parquet(second.stagingTable("t"));
    second.commit();
    assertThat(spark().read().parquet(out + "/r/t").count()).isEqualTo(5);
    FileStatus[] committed = HDFS.fileSystem().listStatus(hdfsPath(out + "/r"));
    assertThat(committed)
        .extracting(s -> s.getPath().getName())
        .contains(RunCommitter.COMMITTED_MARKER, "t");
    assertThat(children(out)).containsExactly("r");
  }
}
