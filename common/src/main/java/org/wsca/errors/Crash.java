package org.wsca.errors;

import org.apache.hadoop.fs.FSError;

/**
 * Turns a failure that is no {@link WscaException} into one a user can act on: the cause in one
 * line, what became of the results, and the fix; the stack trace stays with the cause for
 * --verbose. Errors are included: Hadoop reports a full local disk as an {@link FSError}.
 */
public final class Crash {
  private Crash() {}

  public static RuntimeException forUser(Throwable e, String outputRoot) {
    if (e instanceof WscaException w) {
      return w;
    }
    Throwable root = rootCause(e);
    String cause = root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    if (e instanceof FSError || root instanceof FSError) {
      return new WscaException(
          ExitCode.FAILURE,
          "The file system failed while writing under "
              + outputRoot
              + " ("
              + cause
              + "). This run's staging was removed and earlier results are untouched. Fix: free"
              + " space (or fix the disk) under output.root and re-run the same run id; it"
              + " resumes from its completed permutation chunks.",
          e);
    }
    if (e instanceof Error) {
      return new WscaException(
          ExitCode.FAILURE,
          "The run failed ("
              + cause
              + "). This run's staging was removed and earlier results are untouched. Fix: see"
              + " the log (--verbose prints the stack trace); re-run the same run id to resume.",
          e);
    }
    return e instanceof RuntimeException r
        ? r
        : new IllegalStateException("The run failed: " + firstLine(e.getMessage()), e);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return e instanceof FSError ? e : t;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
