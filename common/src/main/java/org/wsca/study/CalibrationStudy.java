package org.wsca.study;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.audit.SparkPhase;
import org.wsca.demo.DemoData;
import org.wsca.demo.ValidationData;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;

/**
 * The calibration and power study of issue 3: for data set i = 0..N-1 it generates each demo
 * variant the selected scenarios need with seed {@code baseSeed + i}, audits it in the pooled scope
 * only (batched engine, B permutations, the audit's seed also {@code baseSeed + i}), and counts,
 * per scenario and strata option, how often p <= alpha.
 *
 * <p>Scenarios that share a variant and strata are audited in one run with one metadata task each.
 * That gives the same p-values as one run per scenario: the data, split, PCA and primary head are
 * the same, each task has its own head, and permutation b of a stratum is a function of (seed,
 * task, scope, stratum, b), so the tasks' nulls do not interact. Only raw p is used; the run's BH
 * and Holm adjustments are ignored.
 *
 * <p>Validation scenarios (issue 12) are audited on {@link ValidationData} with its supplied
 * clinical head (written next to the data as CSV), and their outcomes carry the verdict and the
 * decision-dependence test. Every outcome records them, whatever its scenario.
 *
 * <p>Each data set's Parquet and audit results live under {@code <output>/work/} only while it is
 * audited. After every data set the per-data-set table and the summary are rewritten, so an
 * interrupted study leaves a usable partial result.
 *
 * <p>Somewhat over 250 lines: the loop over data sets, the audit settings it derives and the
 * outcome it reads back are one procedure; a later split would move the settings into their own
 * class.
 */
public final class CalibrationStudy {
  /** The column of scenario (i): a 3-class label hashed from (sample id, seed). */
  public static final String NOISE_COLUMN = "noise_label";

  private static final Logger LOG = LoggerFactory.getLogger(CalibrationStudy.class);
  private static final int PARTITIONS = 4;

  private final SparkSession spark;
  private final StudySettings settings;

  public CalibrationStudy(SparkSession spark, StudySettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  public CalibrationResult execute() {
    long started = System.nanoTime();
    Map<StudyData, Map<List<String>, List<Scenario>>> plan = plan();
    List<DatasetOutcome> outcomes = new ArrayList<>();
    Path work = new Path(settings.output(), "work");
    LOG.info(
        "Calibration study: {} data sets, B = {}, scale {}, d = {}, scenarios {}",
        settings.datasets(),
        settings.permutations(),
        settings.scale(),
        settings.dimension(),
        settings.scenarios().stream().map(Scenario::id).toList());
    try {
      FileSystem fs = work.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (int i = 0; i < settings.datasets(); i++) {
        List<DatasetOutcome> found = dataset(i, plan, work);
        outcomes.addAll(found);
        fs.delete(work, true);
        writeTables(fs, outcomes);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        LOG.info(
            "Data set {} (seed {}): {}; {}",
            i,
            settings.baseSeed() + i,
            brief(found),
            new Progress(i + 1, settings.datasets(), elapsed).describe());
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Calibration study I/O under " + settings.output() + " failed: " + e.getMessage(), e);
    }
    List<ScenarioSummary> summaries =
        StudyReport.summarise(settings.scenarios(), outcomes, settings.alpha());
    return new CalibrationResult(
        summaries,
        List.copyOf(outcomes),
        settings.output(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Scenarios grouped by the data they need and then by the audit (strata) that tests them. */
  private Map<StudyData, Map<List<String>, List<Scenario>>> plan() {
    Map<StudyData, Map<List<String>, List<Scenario>>> plan = new LinkedHashMap<>();
    for (Scenario s : settings.scenarios()) {
      plan.computeIfAbsent(s.data(), v -> new LinkedHashMap<>())
          .computeIfAbsent(s.strata(), k -> new ArrayList<>())
          .add(s);
    }
    return plan;
  }

  private List<DatasetOutcome> dataset(
      int i, Map<StudyData, Map<List<String>, List<Scenario>>> plan, Path work) throws IOException {
    long seed = settings.baseSeed() + i;
    List<DatasetOutcome> out = new ArrayList<>();
    for (var byVariant : plan.entrySet()) {
      StudyData design = byVariant.getKey();
      String variant = design.slug();
      String data = new Path(work, "data-" + variant + "-" + i).toString();
      SparkPhase.label(spark, "calibration data set " + i + " " + variant);
      Optional<String> head = Optional.empty();
      if (design.isDemo()) {
        generate(design.variant(), seed, data);
      } else if (design.isRelu()) {
        DemoData.writeBySite(
            ReluData.generate(spark, seed, Math.round(3600 * settings.scale()), PARTITIONS), data);
      } else {
        head = Optional.of(new Path(work, "head-" + variant + "-" + i + ".csv").toString());
        generateValidation(design, seed, data, head.get());
      }
      for (var byStrata : byVariant.getValue().entrySet()) {
        String runId = variant + "-" + String.join("-", byStrata.getKey()) + "-" + i;
        Settings audit =
            auditSettings(
                data,
                new Path(work, "results").toString(),
                runId,
                seed,
                byStrata.getKey(),
                byStrata.getValue(),
                design,
                head);
        AuditResult result = new AuditRun(spark, audit).execute();
        for (Scenario s : byStrata.getValue()) {
          out.add(outcome(s, i, seed, pooled(result, s.column())));
        }
      }
    }
    return out;
  }

  /** The demo variant at the study's size, plus the independent noise label, as Parquet. */
  void generate(DemoData.Variant variant, long seed, String path) {
    DemoData.writeBySite(
        new DemoData(
                variant,
                settings.dimension(),
                settings.sites(),
                seed,
                DemoData.Strengths.defaults(),
                settings.scale())
            .generate(spark, PARTITIONS)
            .withColumn(
                NOISE_COLUMN,
                concat(
                    lit("n"), pmod(xxhash64(col("sample_id"), lit(seed)), lit(3)).cast("string"))),
        path);
  }

  /**
   * Validation data at the demo's size (3,600 images times the scale) and its supplied head, whose
   * use of every column is known (see {@link ValidationData}).
   */
  void generateValidation(StudyData design, long seed, String path, String headPath)
      throws IOException {
    ValidationData data =
        new ValidationData(
            (int) Math.round(3600 * settings.scale()),
            design.imagesPerPatient(),
            settings.dimension(),
            settings.sites(),
            seed,
            ValidationData.Strengths.defaults());
    DemoData.writeBySite(data.generate(spark, PARTITIONS), path);
    Path head = new Path(headPath);
    FileSystem fs = head.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(head, true)) {
      out.write(data.headCsv().getBytes(StandardCharsets.UTF_8));
    }
  }

  Settings auditSettings(
      String data,
      String resultsRoot,
      String runId,
      long seed,
      List<String> strata,
      List<Scenario> scenarios,
      StudyData design,
      Optional<String> suppliedHead) {
    List<String> tasks = scenarios.stream().map(Scenario::taskSetting).distinct().toList();
    List<String> overrides = new ArrayList<>();
    suppliedHead.ifPresent(h -> overrides.add("primary-head.path=" + quoted(h)));
    if (settings.dependencePermutations() > 0) {
      overrides.add("dependence.permutations=" + settings.dependencePermutations());
    }
    overrides.addAll(
        List.of(
            "input.paths=[" + quoted(data) + "]",
            "output.root=" + quoted(resultsRoot),
            "output.run-id=" + quoted(runId),
            "input.columns.label=" + design.labelColumn(),
            "input.columns.patient-id=patient_id",
            "input.metadata=[" + String.join(", ", tasks) + "]",
            "scopes.pooled=true",
            "scopes.per-site=false",
            "permutation.engine=batched",
            "permutation.count=" + settings.permutations(),
            "permutation.progress-every=" + settings.permutations(),
            "permutation.strata=[" + String.join(", ", strata) + "]",
            "verdict.alpha=" + settings.alpha(),
            // Hundreds of throwaway audits: no one reads their reports.
            "report.enabled=false",
            "seed=" + seed));
    return SettingsLoader.load(Optional.empty(), overrides);
  }

  private static TestOutcome pooled(AuditResult result, String task) {
    return result.tests().stream()
        .filter(t -> t.task().equals(task) && t.scope().equals("pooled"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The audit has no pooled test of " + task));
  }

  private static DatasetOutcome outcome(Scenario s, int i, long seed, TestOutcome t) {
    if (!t.tested()) {
      LOG.warn("Scenario {} data set {}: not tested: {}", s.id(), i, t.skipReason().orElse(""));
    }
    return new DatasetOutcome(
        s.key(),
        s.strataName(),
        i,
        seed,
        t.tested() ? t.p() : Double.NaN,
        t.tested() ? t.t() : Double.NaN,
        t.tested() ? t.presence().auroc() : Double.NaN,
        t.nulls().map(n -> n.nonConverged()).orElse(0),
        t.skipReason().orElse(null),
        t.verdict().name(),
        t.dependence().shiftSd(),
        t.dependence().p(),
        t.dependence().q(),
        t.family(),
        t.dependence().skipReason().orElse(null));
  }

  private static String brief(List<DatasetOutcome> found) {
    List<String> parts = new ArrayList<>();
    for (DatasetOutcome o : found) {
      parts.add(
          o.scenario()
              + "@"
              + o.strata()
              + " p="
              + StudyReport.number(o.p())
              + " D="
              + StudyReport.number(o.dependenceShiftSd())
              + " "
              + o.verdict());
    }
    return String.join(", ", parts);
  }

  private void writeTables(FileSystem fs, List<DatasetOutcome> outcomes) throws IOException {
    StudyReport.writeTables(
        fs,
        settings.output(),
        outcomes,
        StudyReport.summarise(settings.scenarios(), outcomes, settings.alpha()),
        settings.toJson());
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
