package org.wsca.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report of one run: {@code report.html}, self-contained, and every figure again as a PNG under
 * {@code figures/}, written next to the result tables through the Hadoop file system (so local
 * paths, {@code hdfs://} and {@code s3a://} all work).
 */
public final class RunReport {
  public static final String HTML_FILE = "report.html";
  public static final String FIGURES_DIR = "figures";
  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.png");

  static {
    // Drivers run without a display. AWT reads this once, when java.awt.Color or a toolkit is
    // first initialised, so it is set before this package touches any AWT class.
    System.setProperty("java.awt.headless", "true");
  }

  private final ReportInput input;

  public RunReport(ReportInput input) {
    this.input = input;
  }

  /** The page and its figures, in memory. */
  Rendered render() {
    Trend trend =
        Trend.of(
            input.previousRuns(),
            input.result().runId(),
            input.result().tests(),
            input.settings().report().historyRuns(),
            input.settings().report().changeThreshold());
    List<Figure> figures = Figures.render(input, trend);
    return new Rendered(new ReportPage(input, trend, figures).render(), figures);
  }

  record Rendered(String html, List<Figure> figures) {}

  /** Writes {@code report.html} and {@code figures/*.png} into {@code directory}. */
  public void write(Configuration hadoop, String directory) {
    Rendered rendered = render();
    Path dir = new Path(directory);
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      Path figures = new Path(dir, FIGURES_DIR);
      fs.mkdirs(figures);
      for (Figure f : rendered.figures()) {
        write(fs, new Path(figures, checked(f.fileName())), f.png());
      }
      write(fs, new Path(dir, HTML_FILE), rendered.html().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Writing the report to "
              + dir
              + " failed: "
              + e.getMessage()
              + "; fix the output location or set wsca.report.enabled = false",
          e);
    }
    LOG.info("Wrote {} with {} figures to {}", HTML_FILE, rendered.figures().size(), dir);
  }

  /** File names are built from slugs and hashes; this guards that no name can leave figures/. */
  private static String checked(String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalStateException("Unsafe figure file name '" + name + "'");
    }
    return name;
  }

  private static void write(FileSystem fs, Path path, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }
}
