package org.wsca.output;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.wsca.errors.WscaException;

/**
 * Checks the output before any work, so a run that could not write its results fails in seconds
 * rather than after every permutation: the root (and its history table) must be a folder that this
 * run can create files in, and must not lie inside an input path (Spark would then read results as
 * input).
 */
public final class OutputCheck {
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
