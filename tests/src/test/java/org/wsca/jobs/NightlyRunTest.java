package org.wsca.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.e2e.SameRows;
import org.wsca.output.RunCommitter;

/**
 * Nightly operation through the audit's command line: dated runs, re-running a date, the history
 * table and the shortcut-risk gate's exit code. AuditJob stops its Spark session when it ends, so
 * this class opens one of its own only to write the data and to read results. On this small data
 * the scanner's p is 0.15 (B = 19), so verdict.alpha = 0.2 makes it a SHORTCUT_RISK: the gate
 * reacts to the verdict, whichever thresholds produced it.
 */
class NightlyRunTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  private static String data;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  /** The sessions AuditJob opens: two partitions for two cores, as in SparkTestBase. */
  private static final Map<String, String> SPARK =
      Map.of(
          "spark.master",
          "local[2]",
          "spark.default.parallelism",
          "2",
          "spark.sql.shuffle.partitions",
          "2",
          "spark.ui.enabled",
          "false");

  @BeforeAll
  static void biasedData() {
    SPARK.forEach(System::setProperty);
    data = shared.resolve("data").toString();
    withSpark(
        spark -> {
          new DemoData(DemoData.Variant.BIASED, 8, 3, 7, DemoData.Strengths.defaults(), 0.15)
              .generate(spark, 2)
              .write()
              .partitionBy("site")
              .parquet(data);
          return null;
        });
  }

  @AfterAll
  static void clearSparkProperties() {
    SPARK.keySet().forEach(System::clearProperty);
  }

  @BeforeEach
  void captureErr() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(originalErr);
  }

  private static <T> T withSpark(Function<SparkSession, T> work) {
    SparkSession spark = SparkSession.builder().appName("NightlyRunTest").getOrCreate();
    try {
      return work.apply(spark);
    } finally {
      spark.stop();
    }
  }

  private int audit(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                data,
                "--output-root",
                out.toString(),
                "--set",
                "input.columns.label=plane",
                "--set",
                "input.columns.patient-id=patient_id",
                "--set",
                "input.metadata=[{name=scanner, kind=categorical, role=confounder}]",
                "--set",
                "scopes.per-site=false",
                "--set",
                "permutation.count=19",
                "--set",
                "verdict.alpha=0.2"));
    args.addAll(List.of(extra));
    return JobRunner.run(new AuditJob(), args.toArray(new String[0]));
  }

  private static List<String> entries(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Rows by task, scope (and permutation): doubles compared with a tolerance, see below. */
  private static List<Row> rows(SparkSession spark, String table, String... order) {
    return spark
        .read()
        .parquet(table)
        .orderBy(order[0], Arrays.copyOfRange(order, 1, order.length))
        .collectAsList();
  }

  @Test
  void reRunningADateReplacesItsResultsAndItsHistoryRows() throws Exception {
    Path out = dir.resolve("out");
    assertThat(audit(out, "--run-date", "2026-11-27")).as(err.toString()).isZero();
    List<List<Row>> first =
        withSpark(
            spark ->
                List.of(
                    rows(spark, out.resolve("2026-11-27/tests").toString(), "task", "scope"),
                    rows(
                        spark,
                        out.resolve("2026-11-27/nulls").toString(),
                        "task",
                        "scope",
                        "permutation")));

    assertThat(audit(out, "--run-date", "2026-11-27"))
        .as("a SHORTCUT_RISK without the gate exits 0; %s", err)
        .isZero();

    assertThat(entries(out)).containsExactly("2026-11-27", "history");
    assertThat(out.resolve("2026-11-27").resolve(RunCommitter.COMMITTED_MARKER)).exists();
    withSpark(
        spark -> {
          List<Row> tests =
              rows(spark, out.resolve("2026-11-27/tests").toString(), "task", "scope");
          assertThat(tests)
              .extracting(r -> r.<String>getAs("verdict"))
              .containsExactly("SHORTCUT_RISK");
          SameRows.assertSame(tests, first.get(0));
          SameRows.assertSame(
              rows(
                  spark,
                  out.resolve("2026-11-27/nulls").toString(),
                  "task",
                  "scope",
                  "permutation"),
              first.get(1));
          List<Row> history =
              spark
                  .read()
                  .parquet(out.resolve("history").toString())
                  .select("run_id", "task", "scope", "verdict")
                  .collectAsList();
          assertThat(history)
              .extracting(Row::toString)
              .containsExactly("[2026-11-27,scanner,pooled,SHORTCUT_RISK]");
          return null;
        });
  }

  @Test
  void aShortcutRiskWithTheGateOnExitsWithFourAfterCommitting() throws Exception {
    Path out = dir.resolve("out");
    assertThat(
            audit(out, "--run-date", "2026-11-26", "--set", "verdict.gate-on-shortcut-risk=true"))
        .as(err.toString())
        .isEqualTo(4);
    assertThat(err.toString()).contains("SHORTCUT_RISK in scanner/pooled");

    assertThat(entries(out)).containsExactly("2026-11-26", "history");
    assertThat(out.resolve("2026-11-26").resolve(RunCommitter.COMMITTED_MARKER)).exists();
    withSpark(
        spark -> {
          assertThat(
                  spark
                      .read()
                      .parquet(out.resolve("2026-11-26/tests").toString())
                      .select("verdict")
                      .first()
                      .getString(0))
              .isEqualTo("SHORTCUT_RISK");
          assertThat(
                  spark
                      .read()
                      .parquet(out.resolve("history").toString())
                      .select("run_id")
                      .first()
                      .getString(0))
              .isEqualTo("2026-11-26");
          return null;
        });
  }
}
