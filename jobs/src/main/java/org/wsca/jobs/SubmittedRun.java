package org.wsca.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.wsca.errors.ExitCode;
import org.wsca.output.RunSummary;
import org.wsca.settings.Settings;
import scala.Tuple2;

/**
 * The outcome of an audit that ran elsewhere (cluster deploy mode, where spark-submit's exit code
 * only says whether the application failed): read from the committed run's summary.json. Used by
 * submit/wsca-submit, which runs {@code audit --outcome} with the submission's arguments after the
 * cluster run returns, so that the gate's exit code 4 reaches the scheduler as in client mode.
 */
final class SubmittedRun {
  private SubmittedRun() {}

  /** The gate's exit code of the committed run these settings name; FAILURE if there is none. */
  static int outcome(Settings settings, String submission) {
    String runId = settings.output().runId();
    if (runId.isEmpty()) {
      System.err.println(
          "wsca: --outcome needs the run id (--run-id, --run-date, output.run-id or"
              + " --run-id-if-unset)");
      return ExitCode.BAD_SETTINGS.code();
    }
    Path run = new Path(settings.output().root(), runId);
    Optional<JsonNode> summary;
    try {
      summary = RunSummary.read(hadoop(), run.toString());
    } catch (IOException | IllegalArgumentException e) {
      System.err.println(
          "wsca: cannot read " + run + "/" + RunSummary.FILE + ": " + e.getMessage());
      return ExitCode.FAILURE.code();
    }
    return summary
        .map(s -> fromSummary(s, run, submission))
        .orElseGet(() -> notCommitted(run, "there is no " + RunSummary.FILE));
  }

  private static int fromSummary(JsonNode summary, Path run, String submission) {
    String recorded = summary.path("submission").asText(null);
    if (submission != null && !submission.equals(recorded)) {
      return notCommitted(
          run,
          "its "
              + RunSummary.FILE
              + " is from an earlier run of that run id (submission "
              + recorded
              + ", this one was "
              + submission
              + ")");
    }
    int code = summary.at("/gate/exit_code").asInt(ExitCode.FAILURE.code());
    List<String> risks = new ArrayList<>();
    summary.at("/gate/shortcut_risk").forEach(n -> risks.add(n.asText()));
    if (code == ExitCode.SHORTCUT_RISK.code()) {
      System.err.println(
          "wsca: gate: SHORTCUT_RISK in "
              + String.join(", ", risks)
              + " (verdict.gate-on-shortcut-risk = true); the results are committed to "
              + run
              + ". Exit code "
              + code
              + ".");
    } else {
      System.out.println("wsca: the run committed its results to " + run + "; exit code " + code);
    }
    return code;
  }

  private static int notCommitted(Path run, String why) {
    System.err.println(
        "wsca: the run did not commit results to "
            + run
            + ": "
            + why
            + ". See the driver's log (yarn logs -applicationId <id>, kubectl logs <driver pod>).");
    return ExitCode.FAILURE.code();
  }

  /** Hadoop settings as the driver sees them: the defaults plus spark.hadoop.* properties. */
  private static Configuration hadoop() {
    Configuration conf = new Configuration();
    for (Tuple2<String, String> kv : new SparkConf().getAll()) {
      if (kv._1().startsWith("spark.hadoop.")) {
        conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
      }
    }
    return conf;
  }
}
