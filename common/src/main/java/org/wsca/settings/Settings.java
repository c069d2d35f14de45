package org.wsca.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wsca.blas.BlasSetting;
import org.wsca.errors.WscaException;
import org.wsca.math.Metric;
import org.wsca.method.Kind;
import org.wsca.method.Role;
import org.wsca.method.TestabilityFloor;

/**
 * The validated {@code wsca} settings tree, one record per block of {@code reference.conf}. Built
 * only by {@link SettingsLoader}, which has checked every value; {@code resolvedJson} is the merged
 * tree as a reloadable settings file, kept with the results for provenance.
 *
 * <p>Longer than most classes on purpose: it is only the nested records and enums of every block,
 * kept in one file so that the whole settings shape reads side by side with reference.conf.
 */
public record Settings(
    long seed,
    Input input,
    Split split,
    Scopes scopes,
    Heads heads,
    PrimaryHead primaryHead,
    Projection projection,
    Metric metric,
    Permutation permutation,
    Dependence dependence,
    VerdictThresholds verdict,
    Output output,
    Report report,
    String resolvedJson) {

  /** The same settings with another permutation block (count = auto resolved at start-up). */
  public Settings withPermutation(Permutation resolved) {
    return new Settings(
        seed,
        input,
        split,
        scopes,
        heads,
        primaryHead,
        projection,
        metric,
        resolved,
        dependence,
        verdict,
        output,
        report,
        resolvedJson);
  }

  /** Input paths may come from a flag after loading, so they are checked only when work starts. */
  public Settings requireInput() {
    if (input.paths().isEmpty()) {
      throw WscaException.badSettings(
          "No input: set wsca.input.paths in your settings file or pass --input <path>");
    }
    return this;
  }

  public record Input(
      List<String> paths, Columns columns, List<MetadataTask> metadata, double maxRejectFraction) {
    public Input {
      paths = List.copyOf(paths);
      metadata = List.copyOf(metadata);
    }
  }

  /** Column names; an empty optional means the column is absent from the input. */
  public record Columns(
      String sampleId,
      String embedding,
      String site,
      String label,
      Optional<String> patientId,
      Optional<String> split) {}

  /** One metadata task; {@code bins} matters only for {@link Kind#CONTINUOUS} tasks. */
  public record MetadataTask(String name, String column, Kind kind, Role role, int bins) {}

  public record Split(double testFraction) {}

  /**
   * {@code siteThreads}: how many site scopes of a group run their own Spark jobs (PCA, MLlib
   * heads, counts, presence, decision dependence) at the same time; above 1, a small audit's pooled
   * scope also runs beside the site group.
   */
  public record Scopes(boolean pooled, boolean perSite, int minRowsPerClass, int siteThreads) {
    /** The reference.conf default of {@code scopes.site-threads}. */
    public static final int DEFAULT_SITE_THREADS = 4;

    public Scopes(boolean pooled, boolean perSite, int minRowsPerClass) {
      this(pooled, perSite, minRowsPerClass, DEFAULT_SITE_THREADS);
    }
  }

  /**
   * {@code maxNonConvergedShare}: a test whose null has a larger share of non-converged heads is
   * not tested (docs/method.md section 3).
   */
  public record Heads(
      double regParam, int maxIter, double tol, int continuousBins, double maxNonConvergedShare) {
    public static final double DEFAULT_MAX_NONCONVERGED_SHARE = 0.01;

    public Heads(double regParam, int maxIter, double tol, int continuousBins) {
      this(regParam, maxIter, tol, continuousBins, DEFAULT_MAX_NONCONVERGED_SHARE);
    }
  }

  /** How a supplied primary head file is read; AUTO goes by the file name's extension. */
  public enum HeadFormat {
    AUTO,
    PARQUET,
    CSV;

    /** The configuration spelling. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** PCA keeps the top k components; NONE compares heads in the full embedding. */
  public enum ProjectionMethod {
    PCA,
    NONE;

    /** The configuration spelling (and the pca and wsc tables' value). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where heads are fitted: the raw coordinates (FULL) or the k PCA scores (PCA). */
  public enum FitSpace {
    FULL,
    PCA;

    /** The configuration spelling (and the heads table's value). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How the permutation null is fitted (docs/method.md section 6). */
  public enum Engine {
    BATCHED("batched"),
    MLLIB_LOOP("mllib-loop");

    private final String label;

    Engine(String label) {
      this.label = label;
    }

    /** The configuration spelling. */
    public String label() {
      return label;
    }
  }

  /** What labels are permuted within: each site, each primary class, or both. */
  public enum Stratum {
    SITE,
    LABEL;

    /** The configuration spelling. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public record PrimaryHead(Optional<String> path, HeadFormat format) {}

  /** {@code fitSpace} PCA needs {@code method} PCA. */
  public record Projection(
      ProjectionMethod method, int kMin, double varianceFraction, FitSpace fitSpace) {
    public Projection(ProjectionMethod method, int kMin, double varianceFraction) {
      this(method, kMin, varianceFraction, FitSpace.FULL);
    }

    /** True when heads are fitted on the k PCA scores instead of the raw coordinates. */
    public boolean fitsOnScores() {
      return fitSpace == FitSpace.PCA;
    }
  }

  /**
   * {@code strata} is an ordered subset of {site, label}, possibly empty (no strata); {@code
   * maxHeadsPerChunk} caps how many permuted heads the batched engine fits at once. {@code
   * countAuto}: {@code count = auto}, resolved from the number of tests before the permutations
   * start ({@code count} holds the default until then, see {@link #withCount}). The floor fields
   * are the testability floor of docs/method.md section 6.3. {@code driverPassMaxMb}: below this
   * size a chunk's optimiser passes run on the driver (docs/performance.md, small audits). {@code
   * shareSitePasses}: the site scopes fit their heads in shared passes, one Spark job per pass for
   * all sites instead of one per site (same results).
   */
  public record Permutation(
      int count,
      boolean countAuto,
      List<Stratum> strata,
      Engine engine,
      int progressEvery,
      int maxHeadsPerChunk,
      int minMovableRows,
      double minMovableFraction,
      double minDistinctPermutations,
      BlasSetting blas,
      int driverPassMaxMb,
      boolean shareSitePasses) {
    /** The default of {@code permutation.driver-pass-max-mb} (reference.conf). */
    public static final int DEFAULT_DRIVER_PASS_MAX_MB = 32;

    public Permutation {
      strata = List.copyOf(strata);
    }

    /** A fixed B with the default floor (docs/method.md 6.3) and the default BLAS. */
    public Permutation(
        int count, List<Stratum> strata, Engine engine, int progressEvery, int maxHeadsPerChunk) {
      this(
          count,
          false,
          strata,
          engine,
          progressEvery,
          maxHeadsPerChunk,
          20,
          0.05,
          1000,
          BlasSetting.DEFAULT,
          DEFAULT_DRIVER_PASS_MAX_MB,
          true);
    }

    /** The same settings with B resolved to {@code resolved} (no longer auto). */
    public Permutation withCount(int resolved) {
      return new Permutation(
          resolved,
          false,
          strata,
          engine,
          progressEvery,
          maxHeadsPerChunk,
          minMovableRows,
          minMovableFraction,
          minDistinctPermutations,
          blas,
          driverPassMaxMb,
          shareSitePasses);
    }

    /** The same settings with the site scopes' shared passes on or off. */
    public Permutation withSharedSitePasses(boolean share) {
      return new Permutation(
          count,
          countAuto,
          strata,
          engine,
          progressEvery,
          maxHeadsPerChunk,
          minMovableRows,
          minMovableFraction,
          minDistinctPermutations,
          blas,
          driverPassMaxMb,
          share);
    }

    /** The testability floor of these settings (docs/method.md section 6.3). */
    public TestabilityFloor floor() {
      return new TestabilityFloor(minMovableRows, minMovableFraction, minDistinctPermutations);
    }

    /** The strata's configuration spellings, as in messages: ["site", "label"]. */
    public List<String> strataLabels() {
      return strata.stream().map(Stratum::label).toList();
    }
  }

  /**
   * The decision-dependence test (docs/method.md section 11): {@code permutations} within (label,
   * site) cells of the held-out rows, run in Spark jobs of {@code step} permutations (one progress
   * line each), on the scope's held-out rows or, for a supplied head never trained on the audit's
   * rows, on all of them ({@code rows}).
   */
  public record Dependence(int permutations, int step, DependenceRows rows) {
    public Dependence(int permutations, int step) {
      this(permutations, step, DependenceRows.HELD_OUT);
    }
  }

  /**
   * Which rows the decision-dependence test scores (docs/method.md section 11): the scope's test
   * split, or every row when the supplied primary head saw none of them in its training.
   */
  public enum DependenceRows {
    HELD_OUT,
    ALL;

    /** The configuration spelling. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** {@code gateOnShortcutRisk}: a SHORTCUT_RISK verdict makes the audit exit with its own code. */
  public record VerdictThresholds(
      double alpha,
      double minEffect,
      double presenceGate,
      boolean gateOnShortcutRisk,
      double minShiftSd) {
    /** The reference.conf default of {@code verdict.min-shift-sd}. */
    public static final double DEFAULT_MIN_SHIFT_SD = 0.3;

    public VerdictThresholds(
        double alpha, double minEffect, double presenceGate, boolean gateOnShortcutRisk) {
      this(alpha, minEffect, presenceGate, gateOnShortcutRisk, DEFAULT_MIN_SHIFT_SD);
    }

    public VerdictThresholds(double alpha, double minEffect, double presenceGate) {
      this(alpha, minEffect, presenceGate, false);
    }
  }

  /**
   * An empty {@code runId} means a UTC timestamp chosen when the run starts. {@code resume}: a
   * re-run of a failed run id reuses its completed permutation chunks. {@code leaseStaleAfter}: a
   * run id's lease whose heartbeat is older than this may be broken by a new run.
   */
  public record Output(
      String root,
      String runId,
      int resultPartitions,
      boolean resume,
      java.time.Duration leaseStaleAfter) {
    public Output(String root, String runId, int resultPartitions) {
      this(root, runId, resultPartitions, true);
    }

    public Output(String root, String runId, int resultPartitions, boolean resume) {
      this(root, runId, resultPartitions, resume, java.time.Duration.ofMinutes(10));
    }
  }

  /**
   * The HTML report: whether to write it, how many earlier runs its trend shows, and the change in
   * T since the previous run that gets flagged.
   */
  public record Report(boolean enabled, int historyRuns, double changeThreshold) {}
}
