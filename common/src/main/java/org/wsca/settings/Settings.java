package org.wsca.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wsca.errors.WscaException;
import org.wsca.math.Metric;
import org.wsca.method.Kind;
import org.wsca.method.Role;

/**
 * The validated {@code wsca} settings tree, one record per block of {@code reference.conf}. Built
 * only by {@link SettingsLoader}, which has checked every value; {@code resolvedJson} is the merged
 * tree as a reloadable settings file, kept with the results for provenance.
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
    VerdictThresholds verdict,
    Output output,
    Report report,
    String resolvedJson) {

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

  public record Scopes(boolean pooled, boolean perSite, int minRowsPerClass) {}

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
   * {@code strata} is a non-empty ordered subset of {site, label}; {@code maxHeadsPerChunk} caps
   * how many permuted heads the batched engine fits at once.
   */
  public record Permutation(
      int count, List<Stratum> strata, Engine engine, int progressEvery, int maxHeadsPerChunk) {
    public Permutation {
      strata = List.copyOf(strata);
    }
  }

  /** {@code gateOnShortcutRisk}: a SHORTCUT_RISK verdict makes the audit exit with its own code. */
  public record VerdictThresholds(
      double alpha, double minEffect, double presenceGate, boolean gateOnShortcutRisk) {
    public VerdictThresholds(double alpha, double minEffect, double presenceGate) {
      this(alpha, minEffect, presenceGate, false);
    }
  }

  /**
   * An empty {@code runId} means a UTC timestamp chosen when the run starts. {@code resume}: a
   * re-run of a failed run id reuses its completed permutation chunks.
   */
  public record Output(String root, String runId, int resultPartitions, boolean resume) {
    public Output(String root, String runId, int resultPartitions) {
      this(root, runId, resultPartitions, true);
    }
  }

  /**
   * The HTML report: whether to write it, how many earlier runs its trend shows, and the change in
   * T since the previous run that gets flagged.
   */
  public record Report(boolean enabled, int historyRuns, double changeThreshold) {}
}
