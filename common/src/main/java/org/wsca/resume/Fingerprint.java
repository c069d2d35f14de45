package org.wsca.resume;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Identifies everything a permutation chunk's numbers depend on, so a chunk is reused only by a run
 * that would have computed the same numbers: the settings that shape the method (all but where
 * results go, the report, the verdict thresholds and how often progress is logged), the WSCA
 * version, and every input file (and a supplied head's files) by path, size and modification time.
 * A re-exported input, a changed setting or an upgrade gives a new fingerprint, and the old chunks
 * are discarded.
 */
public final class Fingerprint {
  /** Settings that never change a permuted head or its T_b. */
  static final List<String> IGNORED =
      List.of("wsca.output", "wsca.report", "wsca.verdict", "wsca.permutation.progress-every");

  private Fingerprint() {}

  /**
   * @param resolvedJson the run's resolved settings ({@code Settings.resolvedJson()})
   * @param fileFacts one line per file, see {@link #fileFacts}
   */
  public static String of(String resolvedJson, String version, List<String> fileFacts) {
    List<String> parts = new ArrayList<>();
    parts.add(resultSettings(resolvedJson));
    parts.add(version);
    parts.addAll(fileFacts.stream().sorted().toList());
    return Digest.hex(24, parts.toArray(new String[0]));
  }

  /** The settings that shape the results, rendered with sorted keys. */
  static String resultSettings(String resolvedJson) {
    Config config = ConfigFactory.parseString(resolvedJson);
    for (String path : IGNORED) {
      config = config.withoutPath(path);
    }
    return config.root().render(ConfigRenderOptions.concise());
  }

  /**
   * "path, size, modification time" of each file under the given paths (files or folders, listed
   * recursively, as the input reader lists them).
   */
  public static List<String> fileFacts(Configuration hadoop, List<String> paths) {
    Map<Path, FileStatus> statuses = new LinkedHashMap<>();
    // One recursive listing per configured path; the files' own statuses come with it.
    try {
      for (String p : paths) {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(hadoop);
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
        while (files.hasNext()) {
          LocatedFileStatus file = files.next();
          statuses.put(file.getPath(), file);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot list " + paths + " to fingerprint the run for" + " resuming: " + e.getMessage(),
          e);
    }
    List<String> facts = new ArrayList<>();
    statuses
        .values()
        .forEach(s -> facts.add(s.getPath() + "\t" + s.getLen() + "\t" + s.getModificationTime()));
    return facts;
  }
}
