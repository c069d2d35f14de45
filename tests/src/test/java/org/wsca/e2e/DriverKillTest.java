package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.output.RunCommitter;
import org.wsca.run.AuditRun;

/**
 * The driver JVM killed with SIGKILL in the middle of the permutation phase: nothing runs to clean
 * up, so only the staging design protects the results. The previous results of the run id must be
 * byte for byte as they were, and nothing new may be visible outside {@code _staging}.
 */
class DriverKillTest extends SparkTestBase {
  private static final String PERMUTING = "permuted heads";
  @TempDir Path dir;

  @Test
  void aDriverKilledMidRunLeavesThePreviousResultsAndNothingPartial() throws Exception {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    Path out = dir.resolve("out");
    String previous =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(
                    data,
                    out,
                    "scopes.per-site=false",
                    "permutation.count=19",
                    "output.run-id=kill",
                    "input.metadata=[{name=scanner, kind=categorical, role=confounder}]"))
            .execute()
            .outputPath();
    Map<String, String> before = digests(out.resolve("kill"));
    Map<String, List<List<Object>>> tablesBefore = Tables.read(spark(), previous);

    Path log = dir.resolve("driver.log");
    Process driver = startDriver(settingsFile(data, out), log);
    try {
      awaitLine(driver, log, PERMUTING, Duration.ofMinutes(3));
      driver.destroyForcibly(); // SIGKILL: no shutdown hook, no abort, no clean-up
      assertThat(driver.waitFor(1, TimeUnit.MINUTES)).isTrue();
    } finally {
      driver.destroyForcibly();
    }

    assertThat(Files.readString(log))
        .as("the driver had not finished")
        .doesNotContain("Committed results");
    assertThat(digests(out.resolve("kill"))).isEqualTo(before);
    assertThat(Tables.read(spark(), previous)).isEqualTo(tablesBefore);
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .as(
              "only the committed run, its history, and at most the ignored staging, resume and"
                  + " lease folders")
          .allMatch(
              name -> List.of("kill", "history", "_staging", "_chunks", "_leases").contains(name));
    }
    assertThat(spark().read().parquet(out.resolve("kill/tests").toString()).count())
        .isEqualTo(tablesBefore.get("tests").size());

    // The killed driver's lease is left behind; its process is gone, so the next run takes over.
    assertThat(out.resolve("_leases/kill.lease")).exists();
    new AuditRun(
            spark(),
            Fixtures.demoSettings(
                data,
                out,
                "scopes.per-site=false",
                "permutation.count=19",
                "output.run-id=kill",
                "input.metadata=[{name=scanner, kind=categorical, role=confounder}]"))
        .execute();
    assertThat(out.resolve("_leases")).doesNotExist();
    assertThat(out.resolve("_staging")).doesNotExist();
  }

  /** SIGTERM (a scheduler's stop) reads as a request to stop, with how to resume; not as a bug. */
  @Test
  void aStoppedDriverSaysSoAndHowToResume() throws Exception {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    Path out = dir.resolve("out");
    Path log = dir.resolve("stopped.log");
    Process driver = startDriver(settingsFile(data, out), log);
    try {
      awaitLine(driver, log, PERMUTING, Duration.ofMinutes(3));
      driver.destroy(); // SIGTERM
      assertThat(driver.waitFor(2, TimeUnit.MINUTES)).isTrue();
    } finally {
      driver.destroyForcibly();
    }

    assertThat(Files.readString(log))
        .contains("wsca: the run was asked to stop (SIGTERM or Ctrl-C)")
        .contains("re-run the same run id")
        .doesNotContain("wsca: the run failed");
    assertThat(out.resolve("kill")).doesNotExist();
  }

  /** A settings file for the same run id with many permutations, so the kill lands mid-phase. */
  private Path settingsFile(String data, Path out) throws IOException {
    Path file = dir.resolve("kill.conf");
    Files.write(
        file,
        List.of(
            "wsca {",
            "  input.paths = [\"" + data + "\"]",
            "  input.columns { label = plane, patient-id = patient_id }",
            "  input.metadata = [",
            "    { name = scanner, kind = categorical, role = confounder }",
            "  ]",
            "  scopes.per-site = false",
            "  permutation.count = 999",
            "  output { root = \"" + out + "\", run-id = kill }",
            "}"));
    return file;
  }

  /** The audit job in a JVM of its own, through SparkSubmit on local[2], WSCA logging at INFO. */
  private Process startDriver(Path settings, Path log) throws IOException {
    Path logConfig = dir.resolve("log4j2-driver.properties");
    Files.write(
        logConfig,
        List.of(
            "rootLogger.level = warn",
            "rootLogger.appenderRef.stdout.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss} %-5p %c{1}: %m%n",
            "logger.wsca.name = org.wsca",
            "logger.wsca.level = info"));
    String jar = System.getProperty("wscatest.jobs.jar");
    Path jars = Paths.get(System.getenv("SPARK_HOME"), "jars");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        Arrays.asList(System.getProperty("wscatest.java.opens", "").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Dlog4j2.configurationFile=" + logConfig.toUri(),
            "-cp",
            jars + "/*",
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.sql.shuffle.partitions=2",
            "--jars",
            System.getProperty("wscatest.chart.jar"),
            "--class",
            "org.wsca.jobs.AuditJob",
            jar,
            "--config",
            settings.toString()));
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitLine(Process driver, Path log, String text, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!Files.readString(log).contains(text)) {
      assertThat(driver.isAlive())
          .as("driver still running; its log:\n%s", Files.readString(log))
          .isTrue();
      assertThat(Instant.now()).as("'%s' logged in time", text).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** Every file under {@code root} by relative path, with the SHA-256 of its bytes. */
  private static Map<String, String> digests(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        out.put(root.relativize(file).toString(), HexFormat.of().formatHex(hash));
      }
    }
    assertThat(out).containsKey(RunCommitter.COMMITTED_MARKER);
    return out;
  }
}
