package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.output.RunCommitter;

/**
 * The jar given to spark-submit, as users run it: only WSCA's classes and what it shades, run by
 * {@code org.apache.spark.deploy.SparkSubmit} in a JVM of its own against a local-cluster master (a
 * standalone master, a worker and two executor JVMs that load the jar), with the settings shipped
 * as a file, through submit/wsca-submit and directly.
 */
class SubmitJarTest extends SparkTestBase {
  private static final String MASTER = "local-cluster[2,1,1024]";

  /** Two partitions for two executor cores: 8 tasks a job would quadruple the test's time. */
  private static final List<String> SMALL_JOB =
      List.of(
          "--conf",
          "spark.sql.shuffle.partitions=2",
          "--conf",
          "spark.default.parallelism=2",
          "--conf",
          "spark.ui.enabled=false");

  @TempDir Path dir;

  private static Path jobsJar() {
    String jar = System.getProperty("wscatest.jobs.jar");
    assertThat(jar).as("wscatest.jobs.jar (set by the tests pom)").isNotNull();
    Path path = Paths.get(jar).toAbsolutePath().normalize();
    assertThat(path).as("jobs jar; build it with mvn -DskipTests install").exists();
    return path;
  }

  /** The checkout: jobs/target/wsca-jobs-<version>.jar is three levels below it. */
  private static Path checkout() {
    return jobsJar().getParent().getParent().getParent();
  }

  private static List<String> opens() {
    return Arrays.asList(System.getProperty("wscatest.java.opens", "").trim().split("\\s+"));
  }

  @Test
  void theJarHoldsNoSparkHadoopOrScalaClassesAndRelocatesWhatItShades() throws IOException {
    List<String> entries;
    try (ZipFile zip = new ZipFile(jobsJar().toFile())) {
      entries = zip.stream().map(ZipEntry::getName).toList();
    }
    assertThat(entries)
        .contains("org/wsca/jobs/AuditJob.class", "reference.conf")
        .noneMatch(e -> e.startsWith("org/apache/spark/"))
        .noneMatch(e -> e.startsWith("org/apache/hadoop/"))
        .noneMatch(e -> e.startsWith("scala/"))
        .noneMatch(e -> e.startsWith("com/typesafe/config/"))
        .noneMatch(e -> e.startsWith("picocli/"))
        .noneMatch(e -> e.startsWith("org/jfree/"))
        .noneMatch(e -> e.startsWith("org/wsca/shaded/jfree/"))
        .anyMatch(e -> e.startsWith("org/wsca/shaded/config/"))
        .anyMatch(e -> e.startsWith("org/wsca/shaded/picocli/"))
        .contains("META-INF/LICENSE", "META-INF/NOTICE");
    // JavaCPP and bytedeco's OpenBLAS classes cannot be relocated: their JNI symbols carry the
    // package names. Only the BLAS-only build's native library goes in, not the LAPACK ones.
    assertThat(entries.stream().filter(e -> e.endsWith(".class")))
        .as("every class is WSCA's, shaded under org/wsca/shaded, or the bundled OpenBLAS's")
        .allMatch(e -> e.startsWith("org/wsca/") || e.startsWith("org/bytedeco/"));
    assertThat(entries)
        .contains(
            "org/bytedeco/openblas/linux-x86_64/libopenblas.so.0",
            "org/bytedeco/openblas/linux-x86_64/libjniopenblas_nolapack.so",
            "org/bytedeco/javacpp/linux-x86_64/libjnijavacpp.so")
        .doesNotContain(
            "org/bytedeco/openblas/linux-x86_64/libjniopenblas.so",
            "org/bytedeco/openblas/linux-x86_64/libjniopenblas_full.so");
  }

  @Test
  void theJarRecordsItsVersionAndShipsBesideItJFreeChartAndASourcesJar() throws IOException {
    String version = System.getProperty("wscatest.version");
    assertThat(jobsJar().getFileName()).hasToString("wsca-jobs-" + version + ".jar");
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(jobsJar().toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
          .isEqualTo(version);
    }
    // LGPL: the unmodified JFreeChart jar, replaceable, beside the jobs jar.
    assertThat(Paths.get(chartJar())).isNotEmptyFile().hasParent(jobsJar().resolveSibling("lib"));
    Path sources = jobsJar().resolveSibling("wsca-jobs-" + version + "-sources.jar");
    try (ZipFile zip = new ZipFile(sources.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName))
          .contains("org/wsca/jobs/AuditJob.java", "org/wsca/math/Alignment.java");
    }
  }

  @Test
  void wscaSubmitPrintsTheVersionAndItsOwnHelpBeforeSparkSubmits() throws Exception {
    Path script = checkout().resolve("submit/wsca-submit");
    List<String> version = runScript(List.of("bash", script.toString(), "--version"));
    assertThat(version).containsExactly("WSCA " + System.getProperty("wscatest.version"));

    String help = String.join("\n", runScript(List.of("bash", script.toString(), "--help")));
    assertThat(help)
        .contains("audit ", "demo ", "demo-data ", "calibration ", "bench ", "scale-bench ")
        .contains("WSCA_JAR", "WSCA_DRIVER_JAVA_OPTS");
    assertThat(help.indexOf("scale-bench"))
        .as("WSCA's jobs come before spark-submit's own options")
        .isLessThan(help.indexOf("--deploy-mode"))
        .isPositive();
  }

  /**
   * The Quick start's command: both demo variants audited, each variant's table printed in variant
   * order, with the verdicts the README describes.
   */
  @Test
  void theDemoPrintsBothVariantsTablesInOrder() throws Exception {
    Path out = dir.resolve("demo-output");
    String text =
        String.join(
            "\n",
            runScript(
                List.of(
                    "bash",
                    checkout().resolve("submit/wsca-submit").toString(),
                    "--master",
                    "local[2]",
                    "--",
                    "demo",
                    "--config",
                    checkout().resolve("conf/demo.conf").toString(),
                    "--output",
                    out.toString())));
    int balanced = text.indexOf("== balanced: 3600 rows");
    int biased = text.indexOf("== biased: 3958 rows");
    assertThat(balanced).as(text).isPositive();
    assertThat(biased).as(text).isGreaterThan(balanced);
    assertThat(text.substring(balanced, biased))
        .contains("ENCODED_NOT_USED", "USES_CLINICAL_SIGNAL")
        .doesNotContain("SHORTCUT_RISK");
    assertThat(text.substring(biased)).contains("SHORTCUT_RISK", "USES_CLINICAL_SIGNAL");
    for (String variant : List.of("balanced", "biased")) {
      assertThat(out.resolve("results/" + variant + "/demo/_WSCA_COMMITTED")).exists();
    }
  }

  private List<String> runScript(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> printed = new String(process.getInputStream().readAllBytes()).lines().toList();
    assertThat(process.waitFor()).as("exit code; output: %s", printed).isZero();
    return printed;
  }

  /** Demo data and a settings file for it, both in {@code dir}. */
  private Path settingsFile(String name, String... extra) throws IOException {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    List<String> lines =
        new ArrayList<>(
            List.of(
                "wsca {",
                "  input.paths = [\"" + data + "\"]",
                "  input.columns { label = plane, patient-id = patient_id }",
                "  input.metadata = [",
                "    { name = scanner, kind = categorical, role = confounder }",
                "    { name = gestational_age, kind = continuous, role = clinical, bins = 4 }",
                "  ]",
                "  scopes.per-site = false",
                "  permutation.count = 19",
                "  output { root = \"" + dir.resolve("out") + "\", run-id = submitted }"));
    lines.addAll(List.of(extra));
    lines.add("}");
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  /** Runs {@code command} in {@code dir}; returns its exit code, output in dir/name.log. */
  private int run(String name, List<String> command) throws Exception {
    Path log = dir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(name + " did not finish in 5 minutes:\n" + tail(log));
    }
    return process.exitValue();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /**
   * Also the bundled OpenBLAS at work: forced here, so that the executors load it from the jar even
   * where a system BLAS exists, and the manifest names it for both executors.
   */
  @Test
  void wscaSubmitRunsTheJarOnALocalClusterWithTheSettingsShippedAsAFile() throws Exception {
    Path settings = settingsFile("settings.conf", "  permutation.blas = bundled");
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                checkout().resolve("submit/wsca-submit").toString(),
                "--master",
                MASTER,
                "--files",
                settings.getFileName().toString(),
                "--conf",
                "spark.executor.extraJavaOptions=" + String.join(" ", opens())));
    command.addAll(SMALL_JOB);
    command.addAll(List.of("--", "audit", "--config", settings.getFileName().toString()));

    int exit = run("submit", command);

    Path log = dir.resolve("submit.log");
    assertThat(exit).as("exit code; output:\n%s", tail(log)).isZero();
    Path run = dir.resolve("out/submitted");
    assertThat(run.resolve(RunCommitter.COMMITTED_MARKER)).exists();
    assertThat(dir.resolve("out/_staging")).doesNotExist();
    // The report renders, headless, in the driver from the JFreeChart jar wsca-submit adds.
    assertThat(run.resolve("report.html")).isNotEmptyFile();
    assertThat(run.resolve("figures")).isDirectoryContaining("glob:**.png");
    assertThat(Files.readString(log))
        .contains("Results: file:" + run)
        .contains("Report: file:" + run + "/report.html");
    List<Row> tests =
        spark()
            .read()
            .parquet(run.resolve("tests").toString())
            .select("task", "scope", "status")
            .orderBy("task")
            .collectAsList();
    assertThat(tests)
        .extracting(r -> r.getString(0) + "/" + r.getString(1))
        .containsExactly("gestational_age/pooled", "scanner/pooled");
    List<Row> executors =
        spark()
            .read()
            .parquet(run.resolve("manifest").toString())
            .selectExpr("explode(executor_blas) AS e")
            .selectExpr("e.executor_id", "e.blas", "e.library", "e.threads")
            .orderBy("executor_id")
            .collectAsList();
    assertThat(executors)
        .as("both executor JVMs, each on the OpenBLAS from the jar with one thread")
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getInt(3))
        .containsExactly("0 bundled 1", "1 bundled 1");
    assertThat(executors).allMatch(r -> r.getString(2).startsWith("bundled OpenBLAS 0.3.31"));
  }

  @Test
  void badInputExitsWithThreeThroughSparkSubmit() throws Exception {
    Path settings = settingsFile("bad.conf", "  input.columns.label = no_such_column");
    Path jars = Paths.get(System.getenv("SPARK_HOME"), "jars");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(opens());
    command.addAll(
        List.of(
            "-cp",
            jars + "/*",
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            MASTER,
            "--files",
            settings.getFileName().toString(),
            "--conf",
            "spark.executor.extraJavaOptions=" + String.join(" ", opens()),
            "--jars",
            chartJar()));
    command.addAll(SMALL_JOB);
    command.addAll(
        List.of(
            "--class",
            "org.wsca.jobs.AuditJob",
            jobsJar().toString(),
            "--config",
            settings.getFileName().toString()));

    int exit = run("bad-input", command);

    Path log = dir.resolve("bad-input.log");
    assertThat(exit).as("exit code; output:\n%s", tail(log)).isEqualTo(3);
    assertThat(Files.readString(log)).contains("Column 'no_such_column'");
    assertThat(dir.resolve("out/submitted")).doesNotExist();
  }

  @Test
  void withoutJFreeChartAnAuditThatWouldWriteAReportStopsBeforeAnyWork() throws Exception {
    Path settings = settingsFile("no-charts.conf");
    Path jars = Paths.get(System.getenv("SPARK_HOME"), "jars");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(opens());
    command.addAll(
        List.of(
            "-cp",
            jars + "/*",
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[1]",
            "--class",
            "org.wsca.jobs.AuditJob",
            jobsJar().toString(),
            "--config",
            settings.toString()));

    int exit = run("no-charts", command);

    Path log = dir.resolve("no-charts.log");
    assertThat(exit).as("exit code; output:\n%s", tail(log)).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains("needs JFreeChart")
        .contains("--jars jobs/target/lib/jfreechart-")
        .contains("report.enabled = false");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** A stand-in for a Spark distribution's bin/spark-submit that prints its arguments. */
  private Path fakeSparkHome() throws IOException {
    return fakeSparkHome("printf '== spark-submit\\n'; printf '%s\\n' \"$@\"\n");
  }

  private Path fakeSparkHome(String script) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("fake-spark/bin"));
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, "#!/usr/bin/env bash\n" + script);
    assertThat(submit.toFile().setExecutable(true)).isTrue();
    return bin.getParent();
  }

  /** The arguments of each spark-submit call wsca-submit makes. */
  private List<List<String>> submitCalls(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("bash", checkout().resolve("submit/wsca-submit").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("SPARK_HOME", fakeSparkHome().toString());
    Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> printed = new String(process.getInputStream().readAllBytes()).lines().toList();
    assertThat(process.waitFor()).isZero();
    List<List<String>> calls = new ArrayList<>();
    for (String line : printed) {
      if (line.equals("== spark-submit")) {
        calls.add(new ArrayList<>());
      } else {
        calls.get(calls.size() - 1).add(line);
      }
    }
    return calls;
  }

  /** The arguments of the (first) spark-submit call. */
  private List<String> submitArguments(String... args) throws Exception {
    return submitCalls(args).get(0);
  }

  /**
   * A cluster-mode audit's arguments end with the run id to use when the settings give none and the
   * token its summary.json records; returns the arguments before them.
   */
  private static List<String> withoutSubmissionTags(List<String> arguments) {
    int n = arguments.size();
    assertThat(arguments.get(n - 4)).isEqualTo("--run-id-if-unset");
    assertThat(arguments.get(n - 3)).matches("\\d{8}T\\d{6}Z");
    assertThat(arguments.get(n - 2)).isEqualTo("--submission");
    assertThat(arguments.get(n - 1)).startsWith(arguments.get(n - 3) + "-");
    return arguments.subList(0, n - 4);
  }

  /** JFreeChart as wsca-submit adds it with --jars: the jar beside the jobs jar. */
  private static String chartJar() {
    return Paths.get(System.getProperty("wscatest.chart.jar"))
        .toAbsolutePath()
        .normalize()
        .toString();
  }

  @Test
  void inClusterModeTheSettingsFileIsShippedAndReadByItsBaseName() throws Exception {
    Files.writeString(dir.resolve("my-audit.conf"), "wsca {}\n");
    String shipped = dir.resolve("my-audit.conf").toString();

    List<List<String>> yarn =
        submitCalls(
            "--master",
            "yarn",
            "--deploy-mode",
            "cluster",
            "--files",
            "extra.txt",
            "--",
            "audit",
            "--config",
            "my-audit.conf",
            "--set",
            "seed=1");
    assertThat(withoutSubmissionTags(yarn.get(0)))
        .endsWith(
            "--files",
            "extra.txt," + shipped,
            "--jars",
            chartJar(),
            "--class",
            "org.wsca.jobs.AuditJob",
            jobsJar().toString(),
            "--config",
            "my-audit.conf",
            "--set",
            "seed=1");
    assertThat(yarn.get(1))
        .as("then the outcome, read here from the committed run with the local settings file")
        .containsSubsequence("--master", "local[1]", "--deploy-mode", "client")
        .endsWith(
            "--class",
            "org.wsca.jobs.AuditJob",
            jobsJar().toString(),
            "--config",
            "my-audit.conf",
            "--set",
            "seed=1",
            "--run-id-if-unset",
            yarn.get(0).get(yarn.get(0).size() - 3),
            "--submission",
            yarn.get(0).get(yarn.get(0).size() - 1),
            "--outcome");

    Path properties = dir.resolve("k8s.properties");
    Files.writeString(
        properties,
        "spark.master k8s://https://k8s.example.org:6443\n" + "spark.submit.deployMode=cluster\n");
    assertThat(
            withoutSubmissionTags(
                submitArguments(
                    "--properties-file",
                    properties.toString(),
                    "--",
                    "audit",
                    "--config=" + shipped)))
        .as("the master of the properties file is kept; --config=FILE is rewritten too")
        .containsExactly(
            "--properties-file",
            properties.toString(),
            "--files",
            shipped,
            "--jars",
            chartJar(),
            "--class",
            "org.wsca.jobs.AuditJob",
            jobsJar().toString(),
            "--config",
            "my-audit.conf");

    assertThat(submitArguments("--jars", "mine.jar", "--", "audit"))
        .as("the user's --jars are kept")
        .containsSubsequence("--jars", "mine.jar," + chartJar(), "--class");

    assertThat(submitArguments("--", "audit", "--config", "my-audit.conf"))
        .as("client mode on local[*]: the file is read where it is")
        .containsExactly(
            "--master",
            "local[*]",
            "--jars",
            chartJar(),
            "--class",
            "org.wsca.jobs.AuditJob",
            jobsJar().toString(),
            "--config",
            "my-audit.conf");
  }

  /**
   * A fake cluster: its spark-submit "runs" the audit in cluster mode by committing a run's
   * summary.json (as the driver would) and exits with {@code submitCode}, as YARN reports a driver
   * that exited with 4 as a failed application; the outcome call runs the real job locally.
   */
  private int clusterRun(int gateCode, int submitCode, boolean commits, String... jobArgs)
      throws Exception {
    Path jars = Paths.get(System.getenv("SPARK_HOME"), "jars");
    String script =
        String.join(
            "\n",
            "for a in \"$@\"; do",
            "  [ \"$a\" = --outcome ] && exec java $FAKE_OPENS -cp \"$FAKE_JARS/*\" \\",
            "    org.apache.spark.deploy.SparkSubmit \"$@\"",
            "done",
            "args=(\"$@\")",
            "for ((i = 0; i < ${#args[@]}; i++)); do",
            "  case \"${args[i]}\" in",
            "    --output-root) root=\"${args[i + 1]}\" ;;",
            "    --run-id-if-unset) run=\"${args[i + 1]}\" ;;",
            "    --submission) token=\"${args[i + 1]}\" ;;",
            "  esac",
            "done",
            "if [ \"$FAKE_COMMITS\" = yes ]; then",
            "  mkdir -p \"$root/$run\"",
            "  printf '{\"schema\": \"wsca-run-summary\", \"schema_version\": 1, \"submission\":"
                + " \"%s\", \"gate\": {\"enabled\": true, \"shortcut_risk\": [\"scanner/pooled\"],"
                + " \"exit_code\": %s}}' \"$token\" \"$FAKE_GATE\" > \"$root/$run/summary.json\"",
            "fi",
            "exit \"$FAKE_SUBMIT\"",
            "");
    Files.writeString(dir.resolve("cluster.conf"), "wsca { input.paths = [\"hdfs:///x\"] }\n");
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                checkout().resolve("submit/wsca-submit").toString(),
                "--master",
                "yarn",
                "--deploy-mode",
                "cluster",
                "--",
                "audit",
                "--config",
                "cluster.conf",
                "--output-root",
                dir.resolve("audits").toString()));
    command.addAll(List.of(jobArgs));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("SPARK_HOME", fakeSparkHome(script).toString());
    builder.environment().put("FAKE_JARS", jars.toString());
    builder.environment().put("FAKE_OPENS", String.join(" ", opens()));
    builder.environment().put("FAKE_GATE", String.valueOf(gateCode));
    builder.environment().put("FAKE_SUBMIT", String.valueOf(submitCode));
    builder.environment().put("FAKE_COMMITS", commits ? "yes" : "no");
    Path log = dir.resolve("cluster.log");
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }

  @Test
  void inClusterModeWscaSubmitExitsWithTheGatesCodeReadFromTheCommittedRun() throws Exception {
    assertThat(clusterRun(4, 1, true))
        .as("log:\n%s", tail(dir.resolve("cluster.log")))
        .isEqualTo(4);
    assertThat(Files.readString(dir.resolve("cluster.log")))
        .contains("wsca: gate: SHORTCUT_RISK in scanner/pooled");

    assertThat(clusterRun(0, 0, true)).as("log:\n%s", tail(dir.resolve("cluster.log"))).isZero();

    // A run of a fixed run id that died before committing, over an earlier run's summary.
    Path earlier = Files.createDirectories(dir.resolve("audits/2026-11-29"));
    Files.writeString(
        earlier.resolve("summary.json"),
        "{\"submission\": \"an-earlier-one\", \"gate\": {\"exit_code\": 4}}");
    assertThat(clusterRun(4, 1, false, "--run-date", "2026-11-29"))
        .as("log:\n%s", tail(dir.resolve("cluster.log")))
        .isEqualTo(1);
    assertThat(Files.readString(dir.resolve("cluster.log")))
        .contains("did not commit results")
        .contains("from an earlier run of that run id");
  }
}
