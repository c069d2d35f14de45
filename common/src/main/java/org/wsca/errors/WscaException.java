package org.wsca.errors;

/**
 * A problem a user can fix. The message states the problem, the offending value and the fix; the
 * exit code tells a scheduler which kind of problem it was.
 */
public class WscaException extends RuntimeException {
  private final ExitCode exitCode;

  public WscaException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public WscaException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public static WscaException badSettings(String message) {
    return new WscaException(ExitCode.BAD_SETTINGS, message);
  }

  public static WscaException badInput(String message) {
    return new WscaException(ExitCode.BAD_INPUT, message);
  }
}
