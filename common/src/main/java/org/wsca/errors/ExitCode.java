package org.wsca.errors;

/** Process exit codes of every WSCA job; documented in the README. */
public enum ExitCode {
  SUCCESS(0),
  /** An unexpected failure: Spark, the file system, a bug. The previous results are untouched. */
  FAILURE(1),
  /** Bad settings or command-line arguments; nothing was read or written. */
  BAD_SETTINGS(2),
  /** Bad input data (schema, values, too many rejects); nothing was written to the result path. */
  BAD_INPUT(3),
  /**
   * The audit ran and committed its results, and found a SHORTCUT_RISK while
   * verdict.gate-on-shortcut-risk = true: a scheduler can stop the pipeline on it.
   */
  SHORTCUT_RISK(4),
  /**
   * Another live run holds the lease of this run id (output root and run id); this run touched
   * nothing. Retry when that run has ended, or use another run id.
   */
  RUN_ID_BUSY(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
