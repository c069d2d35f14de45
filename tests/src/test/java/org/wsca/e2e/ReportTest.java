package org.wsca.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;

/**
 * The report of a real (small) audit whose data carry hostile names: a scanner value that is a
 * script, and sites named {@code ../x} and {@code a/b}. The page must escape them, the figure files
 * must stay in {@code figures/}, and headless Chromium must render the page with its figures.
 */
class ReportTest extends SparkTestBase {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final Pattern IMG =
      Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  @TempDir static Path dir;
  private static AuditResult result;

  /**
   * One audit shared by the tests of this class (one task, B = 19, d = 16, a quarter of the demo
   * rows).
   */
  private AuditResult audit() {
    if (result == null) {
      String clean = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 16, 0.25, 2);
      Dataset<Row> hostile =
          spark()
              .read()
              .parquet(clean)
              .withColumn(
                  "scanner",
                  when(col("scanner").equalTo("E6"), lit(SCRIPT)).otherwise(col("scanner")))
              .withColumn(
                  "site",
                  when(col("site").equalTo("siteA"), lit("../x"))
                      .when(col("site").equalTo("siteB"), lit("a/b"))
                      .otherwise(col("site")));
      String input = dir.resolve("hostile").toString();
      hostile.write().parquet(input);
      result =
          new AuditRun(
                  spark(),
                  Fixtures.demoSettings(
                      input,
                      dir.resolve("out"),
                      "permutation.count=19",
                      "input.metadata=[{name=scanner, kind=categorical, role=confounder}]"))
              .execute();
    }
    return result;
  }

  private Path runDir() {
    return Path.of(java.net.URI.create(audit().outputPath()));
  }

  private String html() throws IOException {
    return Files.readString(runDir().resolve("report.html"), StandardCharsets.UTF_8);
  }

  /** Heat maps per audited scope, the scatter, a forest plot per task, a null per test. */
  private int expectedFigures() {
    List<TestOutcome> tested = audit().tests().stream().filter(TestOutcome::tested).toList();
    long heatMaps = audit().scopes().stream().filter(s -> !s.cells().isEmpty()).count();
    long forests =
        tested.stream()
            .filter(t -> !t.scope().equals("pooled"))
            .map(TestOutcome::task)
            .distinct()
            .count();
    return (int) (heatMaps + (tested.isEmpty() ? 0 : 1) + forests + tested.size());
  }

  @Test
  void hostileValuesAppearEscaped() throws IOException {
    String html = html();
    assertThat(audit().tests()).anySatisfy(t -> assertThat(t.trainCounts()).containsKey(SCRIPT));
    assertThat(html)
        .doesNotContain(SCRIPT)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("site=../x")
        .contains("site=a/b");
    assertThat(html.toLowerCase()).doesNotContain("<script");
  }

  @Test
  void figureFilesStayInTheFiguresFolder() throws IOException {
    Path run = runDir();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir.resolve("out"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    List<Path> pngs = files.stream().filter(p -> p.toString().endsWith(".png")).toList();
    assertThat(pngs)
        .hasSize(expectedFigures())
        .allSatisfy(
            p -> {
              assertThat(p.getParent()).isEqualTo(run.resolve("figures"));
              assertThat(p.getFileName().toString()).matches("[a-z0-9-]+\\.png");
            });
    try (Stream<Path> top = Files.list(run)) {
      assertThat(top.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
          .containsExactlyInAnyOrder(
              "tests",
              "heads",
              "wsc",
              "pca",
              "rejects",
              "manifest",
              "nulls",
              "report.html",
              "figures",
              "_WSCA_COMMITTED",
              "summary.json");
    }
    assertThat(dir.resolve("x")).doesNotExist();
    assertThat(dir.resolve("out/x")).doesNotExist();
    assertThat(run.resolve("x")).doesNotExist();
  }

  @Test
  void theManifestRecordsTheReportTime() {
    Row manifest = spark().read().parquet(audit().outputPath() + "/manifest").first();
    assertThat(
            manifest.<scala.collection.Map<String, Long>>getAs("phase_millis").contains("report"))
        .isTrue();
  }

  @Test
  void headlessChromiumRendersThePageWithItsFigures() throws Exception {
    String html = html();
    List<BufferedImage> embedded = new ArrayList<>();
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      embedded.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
    }
    assertThat(embedded).hasSize(expectedFigures()).doesNotContainNull();

    Path screenshot = dir.resolve("screenshot.png");
    screenshot(runDir().resolve("report.html"), screenshot);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image).as("Chromium wrote no readable screenshot").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    Set<Integer> colours = new HashSet<>();
    long notWhite = 0;
    long saturated = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        notWhite += rgb == 0xFFFFFF ? 0 : 1;
        // Chart colours (heat map, markers); text is grey and table shading pale.
        saturated += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80 ? 1 : 0;
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    assertThat(notWhite).as("non-white pixels").isGreaterThan(pixels / 20);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(500);
    assertThat(saturated).as("strongly coloured (chart) pixels").isGreaterThan(5_000);
  }

  private static void screenshot(Path page, Path png) throws Exception {
    String chromium =
        chromium()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "Headless Chromium is needed to check the report: install the package"
                            + " chromium (Debian/Ubuntu: sudo apt-get install chromium) or set"
                            + " WSCA_CHROMIUM; submit/test installs it when it can."));
    Process p =
        new ProcessBuilder(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--screenshot=" + png,
                "--window-size=1200,3000",
                page.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(png.resolveSibling("chromium.log").toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "Chromium did not finish within 180 s; see " + png.resolveSibling("chromium.log"));
    }
    assertThat(png)
        .as(
            "screenshot; Chromium log: %s",
            Files.exists(png.resolveSibling("chromium.log"))
                ? Files.readString(png.resolveSibling("chromium.log"))
                : "")
        .exists();
  }

  /** WSCA_CHROMIUM, else the first of the names submit/test looks for on the PATH. */
  private static Optional<String> chromium() {
    String given = System.getenv("WSCA_CHROMIUM");
    if (given != null && !given.isBlank()) {
      return Optional.of(given);
    }
    return Stream.of("chromium", "chromium-browser", "google-chrome")
        .map(ReportTest::executable)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<String> executable(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(d, name);
      if (f.isFile() && f.canExecute()) {
        return Optional.of(f.getAbsolutePath());
      }
    }
    return Optional.empty();
  }
}
