package org.wsca.output;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.errors.WscaException;

/**
 * Checks the output before any work, so a run that could not write its results fails in seconds
 * rather than after every permutation: the root (and its history table) must be a folder that this
 * run can create files in, and must not lie inside an input path (Spark would then read results as
 * input).
 */
public final class OutputCheck {
  private static final Logger LOG = LoggerFactory.getLogger(OutputCheck.class);

  /** File systems whose rename of a folder is one atomic metadata operation. */
  private static final List<String> ATOMIC_RENAME = List.of("file", "hdfs", "viewfs");

  private OutputCheck() {}

  public static void require(Configuration hadoop, String root, List<String> inputs) {
    Path rootPath = new Path(root);
    FileSystem fs;
    Path qualified;
    try {
      fs = rootPath.getFileSystem(hadoop);
      qualified = fs.makeQualified(rootPath);
    } catch (IOException e) {
      throw WscaException.badSettings(
          "Cannot open output.root " + root + ": " + e.getMessage() + ". Fix: check the URI.");
    }
    for (String input : inputs) {
      requireOutside(hadoop, qualified, input);
    }
    requireWritableFolder(fs, qualified, "output.root " + root);
    if (!ATOMIC_RENAME.contains(qualified.toUri().getScheme())) {
      LOG.warn(
          "output.root {} is on {}://, where a rename is a copy and a delete: the commit of a"
              + " re-run is not atomic there and the run id lease is best effort (see the"
              + " README's failure modes). Use a new run id per attempt, or HDFS.",
          root,
          qualified.toUri().getScheme());
    }
    Path history = new Path(qualified, History.TABLE);
    try {
      if (fs.exists(history)) { // else it is made under the root just checked
        requireWritableFolder(fs, history, "the history table " + history);
      }
    } catch (IOException e) {
      throw WscaException.badSettings("Cannot read " + history + ": " + e.getMessage());
    }
  }

  private static void requireOutside(Configuration hadoop, Path root, String input) {
    try {
      Path in = new Path(input);
      String inside = in.getFileSystem(hadoop).makeQualified(in).toString();
      String out = root.toString();
      if (out.equals(inside) || out.startsWith(inside.endsWith("/") ? inside : inside + "/")) {
        throw WscaException.badSettings(
            "output.root "
                + out
                + " lies inside the input path "
                + inside
                + ": the run would read its own results as input. Fix: set output.root (or"
                + " --output-root) to a folder outside every input path.");
      }
    } catch (IOException e) {
      // An input that cannot be opened is reported by the input reader, with its fix.
    }
  }

  /** The folder exists or can be made, is not a file, and takes a new file. */
  private static void requireWritableFolder(FileSystem fs, Path folder, String what) {
    try {
      if (fs.exists(folder)) {
        FileStatus status = fs.getFileStatus(folder);
        if (!status.isDirectory()) {
          throw WscaException.badSettings(
              what
                  + " is a file, not a folder. Fix: point output.root at a folder (it is created"
                  + " when missing), or move the file away.");
        }
      }
      Path probe = new Path(folder, "_wsca-write-check-" + UUID.randomUUID());
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (WscaException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw WscaException.badSettings(
          "Cannot write to "
              + what
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + firstLine(e.getMessage())
              + "). Fix: choose an output.root this user can write to, or grant write"
              + " permission; nothing was computed yet.");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
