package org.wsca.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.wsca.method.Verdict;
import org.wsca.result.TestOutcome;

/**
 * {@code summary.json}, the machine-readable outcome of a committed run for schedulers and alerting
 * (schema in docs/summary-json.md): the run, the gate's exit code, verdict counts, and every test
 * with T, p, q, presence and its change since the previous committed run. Numbers that do not exist
 * (a test that did not run) are {@code null}. Fields are only ever added within one {@link
 * #SCHEMA_VERSION}; a removal or a change of meaning raises it.
 */
public record RunSummary(
    String schema,
    int schemaVersion,
    String wscaVersion,
    String runId,
    String startedAt,
    String finishedAt,
    String outputPath,
    String submission,
    String previousRunId,
    Gate gate,
    Map<String, Integer> verdictCounts,
    List<Finding> findings) {

  public static final String FILE = "summary.json";
  public static final String SCHEMA = "wsca-run-summary";
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** The gate: on or off, the tests that trip it, and the exit code the audit returns. */
  public record Gate(boolean enabled, List<String> shortcutRisk, int exitCode) {}

  /** One test (metadata task x scope). */
  public record Finding(
      String task,
      String scope,
      String role,
      String kind,
      String verdict,
      String skipReason,
      Double t,
      Double p,
      Double q,
      Double presenceAuroc,
      Double nullP95,
      Double dependenceShiftSd,
      Double dependenceP,
      Double dependenceQ,
      Change change) {}

  /**
   * This test against the previous committed run: {@code null} when there is none; {@code
   * firstSeen} when that run had no such test. {@code tDelta} = T now - T then, when both exist.
   */
  public record Change(
      boolean firstSeen,
      String previousVerdict,
      Double previousT,
      Double tDelta,
      boolean verdictChanged) {}

  /**
   * The summary of a run's {@code tests}, compared with {@code previous}, one earlier run's rows.
   */
  public static RunSummary of(
      RunFacts run, Gate gate, List<TestOutcome> tests, List<HistoryRow> previous) {
    String previousRunId = previous.isEmpty() ? null : previous.get(0).runId();
    Map<String, HistoryRow> before = new LinkedHashMap<>();
    previous.forEach(h -> before.put(h.task() + "\u0000" + h.scope(), h));
    List<Finding> findings =
        tests.stream()
            .map(
                t ->
                    finding(
                        t,
                        previousRunId == null
                            ? null
                            : change(t, before.get(t.task() + "\u0000" + t.scope()))))
            .toList();
    return new RunSummary(
        SCHEMA,
        SCHEMA_VERSION,
        run.wscaVersion(),
        run.runId(),
        run.startedAt(),
        run.finishedAt(),
        run.outputPath(),
        run.submission(),
        previousRunId,
        gate,
        counts(tests),
        findings);
  }

  /** What the summary says about the run itself. {@code submission} may be null. */
  public record RunFacts(
      String wscaVersion,
      String runId,
      String startedAt,
      String finishedAt,
      String outputPath,
      String submission) {}

  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + FILE + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@link #FILE} into {@code directory} (a run's staging folder) on any file system. */
  public void write(Configuration hadoop, String directory) throws IOException {
    Path file = new Path(directory, FILE);
    try (OutputStream out = file.getFileSystem(hadoop).create(file, true)) {
      out.write(toJson().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The summary of the committed run at {@code runPath}, as a tree; empty when it has none. */
  public static java.util.Optional<JsonNode> read(Configuration hadoop, String runPath)
      throws IOException {
    Path file = new Path(runPath, FILE);
    FileSystem fs = file.getFileSystem(hadoop);
    if (!fs.exists(file)) {
      return java.util.Optional.empty();
    }
    try (InputStream in = fs.open(file)) {
      return java.util.Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  /** Parses a summary as a tree, so a reader copes with fields added later in the same version. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a " + FILE + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Integer> counts(List<TestOutcome> tests) {
    Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      byVerdict.put(v, 0);
    }
    tests.forEach(t -> byVerdict.merge(t.verdict(), 1, Integer::sum));
    Map<String, Integer> counts = new LinkedHashMap<>();
    byVerdict.forEach((v, n) -> counts.put(v.name(), n));
    return counts;
  }

  private static Finding finding(TestOutcome t, Change change) {
    return new Finding(
        t.task(),
        t.scope(),
        t.role().name().toLowerCase(java.util.Locale.ROOT),
        t.kind().name().toLowerCase(java.util.Locale.ROOT),
        t.verdict().name(),
        t.skipReason().orElse(null),
        number(t.t()),
        number(t.p()),
        number(t.q()),
        number(t.presence().auroc()),
        t.nulls().map(n -> number(n.summary().p95())).orElse(null),
        number(t.dependence().shiftSd()),
        number(t.dependence().p()),
        number(t.dependence().q()),
        change);
  }

  private static Change change(TestOutcome now, HistoryRow then) {
    if (then == null) {
      return new Change(true, null, null, null, false);
    }
    Double tNow = number(now.t());
    Double tThen = number(then.t());
    return new Change(
        false,
        then.verdict(),
        tThen,
        tNow == null || tThen == null ? null : tNow - tThen,
        !now.verdict().name().equals(then.verdict()));
  }

  private static Double number(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
