package org.wsca.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wsca.blas.BlasChoice;
import org.wsca.blas.BlasSetting;
import org.wsca.errors.WscaException;
import org.wsca.math.Metric;
import org.wsca.method.MonteCarloFloor;
import org.wsca.settings.Settings.Columns;
import org.wsca.settings.Settings.Dependence;
import org.wsca.settings.Settings.Heads;
import org.wsca.settings.Settings.Input;
import org.wsca.settings.Settings.Output;
import org.wsca.settings.Settings.Permutation;
import org.wsca.settings.Settings.PrimaryHead;
import org.wsca.settings.Settings.Projection;
import org.wsca.settings.Settings.Report;
import org.wsca.settings.Settings.Scopes;
import org.wsca.settings.Settings.Split;
import org.wsca.settings.Settings.VerdictThresholds;

/** Turns a merged, type-checked {@code wsca} tree into {@link Settings}, checking each value. */
final class SettingsParser {

  private final Config wsca;
  private final Reader r;

  private SettingsParser(Config wsca) {
    this.wsca = wsca;
    this.r = new Reader(wsca, SettingsLoader.ROOT + ".");
  }

  static Settings parse(Config merged) {
    SettingsParser p = new SettingsParser(merged.getConfig(SettingsLoader.ROOT));
    Heads heads = p.heads();
    return new Settings(
        p.r.wholeNumber("seed"),
        p.input(heads.continuousBins()),
        p.split(),
        p.scopes(),
        heads,
        p.primaryHead(),
        p.projection(),
        p.r.labelled("metric", Metric.values(), Metric::label, "metric"),
        p.permutation(),
        p.dependence(),
        p.verdict(),
        p.output(),
        p.report(),
        render(merged));
  }

  /** A reloadable settings file: {"wsca":{...}}. */
  static String render(Config merged) {
    return merged.withOnlyPath(SettingsLoader.ROOT).root().render(ConfigRenderOptions.concise());
  }

  private Input input(int defaultBins) {
    Columns columns = columns();
    return new Input(
        paths(),
        columns,
        MetadataParser.parse(wsca.getList("input.metadata"), defaultBins, columns.label()),
        r.number(
            "input.max-reject-fraction",
            Interval.closed(0, 1),
            "(a fraction of the input rows; 0.05 stops the run when over 5% are rejected)"));
  }

  private List<String> paths() {
    List<String> paths = r.strings("input.paths");
    for (int i = 0; i < paths.size(); i++) {
      if (paths.get(i).isBlank()) {
        throw r.invalid("input.paths", "has an empty path at position " + i + ": remove it");
      }
    }
    return paths;
  }

  private Columns columns() {
    return new Columns(
        column("sample-id"),
        column("embedding"),
        column("site"),
        column("label"),
        optionalString("input.columns.patient-id"),
        optionalString("input.columns.split"));
  }

  private String column(String name) {
    String key = "input.columns." + name;
    String value = r.string(key);
    if (value.isBlank()) {
      throw r.invalid(key, "is empty: this column is required; give its name in the input");
    }
    return value;
  }

  private Optional<String> optionalString(String key) {
    String value = r.string(key);
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private Split split() {
    return new Split(
        r.number(
            "split.test-fraction",
            Interval.open(0, 1),
            "so that there are both training and test rows (0.2 is usual)"));
  }

  private Scopes scopes() {
    boolean pooled = r.bool("scopes.pooled");
    boolean perSite = r.bool("scopes.per-site");
    if (!pooled && !perSite) {
      throw WscaException.badSettings(
          "wsca.scopes.pooled and wsca.scopes.per-site are both false, so nothing would be"
              + " analysed: set at least one of them to true");
    }
    int minRows =
        r.integer("scopes.min-rows-per-class", Interval.atLeast(1), "(the default is 10)");
    int threads =
        r.integer(
            "scopes.site-threads",
            Interval.atLeast(1),
            "(the default is 4; 1 runs the site scopes' jobs one after the other)");
    return new Scopes(pooled, perSite, minRows, threads);
  }

  private Heads heads() {
    return new Heads(
        r.number(
            "heads.reg-param", Interval.atLeast(0), "(0 = no L2 penalty; the default is 0.01)"),
        r.integer("heads.max-iter", Interval.atLeast(1), "(the default is 100)"),
        r.number("heads.tol", Interval.above(0), "(the default is 1e-6)"),
        r.integer(
            "heads.continuous-bins",
            Interval.atLeast(2),
            "so that a continuous task has two or more classes (the default is 4)"),
        r.number(
            "heads.max-nonconverged-share",
            Interval.closed(0, 1),
            "(a share of the permuted heads; the default is 0.01)"));
  }

  private PrimaryHead primaryHead() {
    return new PrimaryHead(
        optionalString("primary-head.path"),
        r.labelled(
            "primary-head.format",
            Settings.HeadFormat.values(),
            Settings.HeadFormat::label,
            "primary-head format"));
  }

  private Projection projection() {
    return new Projection(
        r.labelled(
            "projection.method",
            Settings.ProjectionMethod.values(),
            Settings.ProjectionMethod::label,
            "projection method"),
        r.integer("projection.k-min", Interval.atLeast(1), "(the default is 50)"),
        r.number(
            "projection.variance-fraction",
            Interval.openClosed(0, 1),
            "(0.99, the default, keeps the components explaining 99% of the variance)"),
        fitSpace());
  }

  private Settings.FitSpace fitSpace() {
    Settings.FitSpace space =
        r.labelled(
            "projection.fit-space",
            Settings.FitSpace.values(),
            Settings.FitSpace::label,
            "fit space");
    if (space == Settings.FitSpace.PCA && !r.string("projection.method").equalsIgnoreCase("pca")) {
      throw WscaException.badSettings(
          "wsca.projection.fit-space = pca needs"
              + " wsca.projection.method = pca (it is "
              + r.string("projection.method")
              + "): heads can only be fitted on PCA scores when there is a PCA.");
    }
    return space;
  }

  /** The upper bound of permutation.count: p's resolution is then 1e-6. */
  public static final int MAX_PERMUTATIONS = 1_000_000;

  /**
   * The longest run id: it names files with up to 55 more characters (staging, journal, lease and
   * history names, ".crc" files), and file systems allow 255 per name.
   */
  public static final int MAX_RUN_ID_LENGTH = 120;

  private int permutationCount() {
    int count =
        r.integer(
            "permutation.count",
            Interval.atLeast(19),
            "so that p can reach 0.05 (set it to 999 for publication, or auto)");
    if (count > MAX_PERMUTATIONS) {
      throw r.invalid(
          "permutation.count",
          "is out of range: must be <= "
              + MAX_PERMUTATIONS
              + "; more would only refine p below 1e-6, at days of run time (999 is enough for"
              + " publication)");
    }
    return count;
  }

  private Permutation permutation() {
    boolean auto = isAuto("permutation.count");
    return new Permutation(
        auto ? MonteCarloFloor.AUTO_MIN : permutationCount(),
        auto,
        strata(),
        r.labelled(
            "permutation.engine",
            Settings.Engine.values(),
            Settings.Engine::label,
            "permutation engine"),
        r.integer("permutation.progress-every", Interval.atLeast(1), "(the default is 10)"),
        r.integer(
            "permutation.max-heads-per-chunk",
            Interval.atLeast(1),
            "(the default is 256; lower it if executors run out of memory)"),
        r.integer("permutation.min-movable-rows", Interval.atLeast(1), "(the default is 20)"),
        r.number(
            "permutation.min-movable-fraction", Interval.closed(0, 1), "(the default is 0.05)"),
        r.number(
            "permutation.min-distinct-permutations", Interval.atLeast(2), "(the default is 1000)"),
        new BlasSetting(
            r.labelled("permutation.blas", BlasChoice.values(), BlasChoice::label, "BLAS"),
            r.integer(
                "permutation.blas-threads",
                Interval.atLeast(1),
                "(the default is 1: Spark already runs one task per core)")),
        r.integer(
            "permutation.driver-pass-max-mb",
            Interval.atLeast(0),
            "(the default is 32; 0 runs every pass as a Spark job)"),
        r.bool("permutation.share-site-passes"));
  }

  /** True when the key holds the string "auto" (any case); numbers are read as usual. */
  private boolean isAuto(String key) {
    return r.has(key) && r.isString(key) && r.string(key).trim().equalsIgnoreCase("auto");
  }

  private List<Settings.Stratum> strata() {
    String key = "permutation.strata";
    String fix = ": use [\"site\"], [\"site\", \"label\"] or [] (no strata)";
    List<Settings.Stratum> strata = new ArrayList<>();
    for (String raw : r.strings(key)) {
      Settings.Stratum stratum = stratum(raw.trim().toLowerCase(Locale.ROOT));
      if (stratum == null) {
        throw r.invalid(key, "has an unknown stratum \"" + raw + "\"" + fix);
      }
      if (strata.contains(stratum)) {
        throw r.invalid(key, "repeats \"" + raw + "\"" + fix);
      }
      strata.add(stratum);
    }
    return strata;
  }

  private static Settings.Stratum stratum(String label) {
    for (Settings.Stratum s : Settings.Stratum.values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    return null;
  }

  private VerdictThresholds verdict() {
    return new VerdictThresholds(
        r.number("verdict.alpha", Interval.open(0, 1), "(a BH q-value level; 0.05 is usual)"),
        r.number("verdict.min-effect", Interval.closed(0, 1), "(the default is 0.10)"),
        r.number(
            "verdict.presence-gate",
            Interval.closed(0, 1),
            "(an AUROC threshold; the default is 0.60)"),
        r.bool("verdict.gate-on-shortcut-risk"),
        r.number(
            "verdict.min-shift-sd",
            Interval.atLeast(0),
            "(a shift of the clinical score in its within-stratum sd; the default is 0.4)"));
  }

  private Dependence dependence() {
    return new Dependence(
        r.integer(
            "dependence.permutations",
            Interval.atLeast(19),
            "so that p can reach 0.05 (the default is 9999; each costs one pass of additions)"),
        r.integer(
            "dependence.step",
            Interval.atLeast(1),
            "(permutations per Spark job and progress line; the default is 1000)"),
        dependenceRows());
  }

  /** {@code all} is only sound for a supplied head: the probe is trained on the training split. */
  private Settings.DependenceRows dependenceRows() {
    Settings.DependenceRows rows =
        r.labelled(
            "dependence.rows",
            Settings.DependenceRows.values(),
            Settings.DependenceRows::label,
            "dependence rows");
    if (rows == Settings.DependenceRows.ALL && optionalString("primary-head.path").isEmpty()) {
      throw WscaException.badSettings(
          "wsca.dependence.rows = all needs a supplied primary head (wsca.primary-head.path):"
              + " WSCA's own clinical probe is trained on the training split, so only the test"
              + " split is held out from it. Set wsca.dependence.rows = held-out, or supply the"
              + " model's head.");
    }
    return rows;
  }

  private Report report() {
    return new Report(
        r.bool("report.enabled"),
        r.integer("report.history-runs", Interval.atLeast(1), "(the default is 10)"),
        r.number(
            "report.change-threshold",
            Interval.closed(0, 2),
            "(a change in T; the default" + " is 0.10)"));
  }

  private Output output() {
    String root = r.string("output.root");
    if (root.isBlank()) {
      throw r.invalid("output.root", "is empty: name the folder or URI that results go under");
    }
    return new Output(
        root,
        runId(),
        r.integer("output.result-partitions", Interval.atLeast(1), "(the default is 1)"),
        r.bool("output.resume"),
        r.duration("output.lease-stale-after", java.time.Duration.ofSeconds(1)));
  }

  /**
   * The run id becomes a folder name under the output root, beside the history table and the "_"
   * folders (staging, chunks) that readers skip, so it may be none of those.
   */
  private String runId() {
    String runId = r.string("output.run-id");
    boolean valid =
        runId.isEmpty()
            || (MetadataParser.NAME.matcher(runId).matches()
                && !runId.startsWith(".")
                && !runId.startsWith("_")
                && !runId.equals("history"));
    if (runId.length() > MAX_RUN_ID_LENGTH) {
      throw r.invalid(
          "output.run-id",
          "is "
              + runId.length()
              + " characters long; at most "
              + MAX_RUN_ID_LENGTH
              + " fit, since file names derived from it (staging, history) must stay under"
              + " 255 characters. Fix: use a shorter run id");
    }
    if (!valid) {
      throw r.invalid(
          "output.run-id",
          "is not a valid run id: it becomes a folder name, so use only letters, digits, '_',"
              + " '.' and '-', not starting with '.' or '_' and not \"history\" (the history"
              + " table's folder), or \"\" for a UTC timestamp");
    }
    return runId;
  }
}
