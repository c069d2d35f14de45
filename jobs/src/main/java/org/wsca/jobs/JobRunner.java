package org.wsca.jobs;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.wsca.errors.ExitCode;
import org.wsca.errors.WscaException;
import picocli.CommandLine;

/**
 * What every entry point shares: argument parsing, the Spark session, and the mapping of errors to
 * exit codes (0 success, 1 failure, 2 bad settings, 3 bad input, 5 run id busy). The audit adds 4,
 * a SHORTCUT_RISK found by a run configured as a gate, which it returns itself after committing.
 */
final class JobRunner {
  private JobRunner() {}

  /** True while a job runs: a shutdown then is SIGTERM or Ctrl-C, not the end of the job. */
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  private static final AtomicBoolean STOP_REQUESTED = new AtomicBoolean();

  static final String STOPPED =
      "the run was asked to stop (SIGTERM or Ctrl-C) and ends without committing: earlier"
          + " results of this run id are untouched, and the permutation chunks it completed are"
          + " kept under <output.root>/_chunks. To resume: re-run the same run id with the same"
          + " settings and input.";

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (RUNNING.get()) {
                    STOP_REQUESTED.set(true);
                    System.err.println("wsca: " + STOPPED);
                  }
                },
                "wsca-stop-requested"));
  }

  /** Parses arguments into {@code command} and runs it; returns the process exit code. */
  static int run(JobCommand command, String[] args) {
    CommandLine cli = new CommandLine(command);
    cli.getCommandSpec().versionProvider(new WscaVersion());
    cli.setExecutionExceptionHandler((e, line, parsed) -> handle(e, command.verbose()))
        .setParameterExceptionHandler(
            (e, a) -> {
              System.err.println(e.getMessage());
              e.getCommandLine().usage(System.err);
              return ExitCode.BAD_SETTINGS.code();
            });
    RUNNING.set(true);
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli passes Errors through: map them like any failure, with no raw stack trace.
      return handle(new IllegalStateException(e.toString(), e), command.verbose());
    } finally {
      RUNNING.set(false);
    }
  }

  private static int handle(Exception e, boolean verbose) {
    if (STOP_REQUESTED.get()) {
      // Spark's own shutdown hook stopped the context under the run: not a bug to report, and
      // the stop hook has said what happened.
      if (verbose) {
        e.printStackTrace();
      }
      return ExitCode.FAILURE.code();
    }
    if (e instanceof WscaException w) {
      System.err.println("wsca: " + w.getMessage());
      if (verbose) {
        w.printStackTrace();
      }
      return w.exitCode().code();
    }
    System.err.println(
        "wsca: the run failed: "
            + e
            + (verbose
                ? ""
                : " (rerun with --verbose"
                    + " for the stack trace). Results of earlier runs are untouched."));
    if (verbose) {
      e.printStackTrace();
    }
    return ExitCode.FAILURE.code();
  }

  /**
   * The session. The master comes from spark-submit or -Dspark.master; only a bare JVM run (an IDE,
   * a test) falls back to local[*].
   */
  static SparkSession session(String appName) {
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      // Result tables and per-class counts are small; 200 tiny tasks only cost time.
      conf.set("spark.sql.shuffle.partitions", "8");
    }
    if (!conf.contains("spark.sql.adaptive.enabled")) {
      // Adaptive execution runs each shuffle stage of an action as a job of its own: on an audit's
      // many small aggregations that fixed cost outweighs what re-planning saves (a third of the
      // demo's jobs). A user who sets it keeps their choice.
      conf.set("spark.sql.adaptive.enabled", "false");
    }
    return SparkSession.builder().appName(appName).config(conf).getOrCreate();
  }

  /** Runs {@code work} with a session and stops it afterwards, so a JVM can run jobs in turn. */
  static <T> T withSession(String appName, java.util.function.Function<SparkSession, T> work) {
    SparkSession spark = session(appName);
    try {
      return work.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
