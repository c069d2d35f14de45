package org.wsca.input;

import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.wsca.errors.WscaException;

/**
 * Turns Spark's failure to read a corrupt or truncated input file into a bad-input error naming
 * that file. Spark reports the file only somewhere in the chain of causes, and with or without the
 * file system's scheme, so the chain is searched for each listed file's path.
 */
final class UnreadableFile {
  private UnreadableFile() {}

  /** The listed file that the failure names, if any. */
  static Optional<String> namedIn(Throwable failure, List<InputFile> files) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (InputFile file : files) {
        if (message.contains(new Path(file.path()).toUri().getPath())) {
          return Optional.of(file.path());
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  static WscaException error(String file, Throwable cause) {
    return new WscaException(
        org.wsca.errors.ExitCode.BAD_INPUT,
        "Input file "
            + file
            + " is not readable as Parquet ("
            + rootMessage(cause)
            + "); it is corrupt or truncated, often by an interrupted copy. Fix: remove it"
            + " from the input folder, or write it again (export or copy it anew).",
        cause);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
