package org.wsca.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.output.HistoryRow;

class RunReportTest {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final Pattern IMG =
      Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  @TempDir Path dir;

  private static ReportInput hostile(List<HistoryRow> history) {
    return ReportFixtures.input(
        "scan<b>ner</b>", List.of("E10", SCRIPT, "S&10"), List.of("../x", "a/b"), history);
  }

  private static List<byte[]> images(String html) {
    List<byte[]> images = new ArrayList<>();
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      images.add(Base64.getDecoder().decode(m.group(1)));
    }
    return images;
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void dataFromTheRunIsEscapedEverywhere() {
    String html = new RunReport(hostile(List.of())).render().html();
    assertThat(html)
        .doesNotContain(SCRIPT)
        .doesNotContain("<b>ner")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("scan&lt;b&gt;ner&lt;/b&gt;")
        .contains("S&amp;10")
        .contains("site=../x")
        .contains("site=a/b");
    // The only markup tags are the page's own: no script element at all.
    assertThat(html.toLowerCase()).doesNotContain("<script");
  }

  @Test
  void everyFigureIsAnEmbeddedPngAndNothingIsFetched() throws IOException {
    RunReport.Rendered rendered = new RunReport(hostile(List.of())).render();
    List<byte[]> images = images(rendered.html());
    // 3 heat maps (pooled + 2 sites), 1 scatter, 1 forest plot, 3 null histograms, no trend.
    assertThat(rendered.figures()).hasSize(8);
    assertThat(images).hasSize(8);
    for (int i = 0; i < images.size(); i++) {
      assertThat(images.get(i)).isEqualTo(rendered.figures().get(i).png());
      BufferedImage image = decode(images.get(i));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isGreaterThan(300);
    }
    assertThat(rendered.html())
        .doesNotContain("src=\"http")
        .doesNotContain("href=\"http")
        .doesNotContain("<link")
        .doesNotContain("url(");
  }

  @Test
  void summaryHasOneRowPerTestWithItsVerdictAndExplanation() {
    String html =
        new RunReport(
                ReportFixtures.input("scanner", List.of("E10", "S10"), List.of("A"), List.of()))
            .render()
            .html();
    assertThat(html)
        .contains("<tr class=\"v-SHORTCUT_RISK\"><td>scanner</td><td>pooled</td>")
        .contains("<tr class=\"v-ENCODED_NOT_USED\"><td>scanner</td><td>site=A</td>")
        .contains(org.wsca.method.Verdict.SHORTCUT_RISK.explanation())
        .contains("0.550")
        .contains("E10: 100, S10: 100");
  }

  @Test
  void runFactsListInputsRejectsProjectionAndUnconvergedHeads() {
    String html =
        new RunReport(
                ReportFixtures.input("scanner", List.of("E10", "S10"), List.of("A"), List.of()))
            .render()
            .html();
    assertThat(html)
        .contains("<td>/data/in</td>")
        .contains("<td>/data/in/part-0.parquet</td>")
        .contains("<td>missing_site</td><td>3</td>")
        .contains("<td>pooled</td><td>pca</td><td>16</td><td>16</td><td>12</td><td>0.9910</td>")
        // site=A's observed head did not converge; its permuted heads had 2 of 49 failures.
        .contains("<td>site=A</td><td>scanner</td><td>observed probe</td>")
        .contains("<td>site=A</td><td>scanner</td><td>permuted</td><td>2 of 49</td>")
        // Only the pooled head is separable (and it converged, so it is listed only there).
        .contains("<td>pooled</td><td>scanner</td><td>observed probe</td>")
        .contains("<td>phase read_validate</td><td>1.5 s</td>")
        .contains("&quot;paths&quot;:[&quot;/data/in&quot;]");
  }

  @Test
  void trendShowsEarlierRunsAndFlagsLargeChanges() {
    List<HistoryRow> history =
        List.of(
            new HistoryRow(
                "run-1",
                "2026-11-26T00:00:00Z",
                "scanner",
                "pooled",
                0.2,
                0.3,
                0.3,
                "ENCODED_NOT_USED"),
            new HistoryRow(
                "run-2",
                "2026-11-27T00:00:00Z",
                "scanner",
                "pooled",
                0.3,
                0.3,
                0.3,
                "ENCODED_NOT_USED"),
            new HistoryRow(
                "run-2",
                "2026-11-27T00:00:00Z",
                "scanner",
                "site=A",
                0.1,
                0.3,
                0.3,
                "ENCODED_NOT_USED"));
    RunReport.Rendered rendered =
        new RunReport(ReportFixtures.input("scanner", List.of("E10", "S10"), List.of("A"), history))
            .render();
    assertThat(rendered.html())
        .contains("<th>run-1</th><th>run-2</th><th>run-3</th><th>change</th>")
        .contains(
            "<tr class=\"flag\"><td>scanner</td><td>pooled</td><td class=\"num\">0.200"
                + "</td><td class=\"num\">0.300</td><td class=\"num\">0.550</td><td class=\"num\">"
                + "+0.250</td><td>changed beyond threshold</td></tr>")
        .contains("<tr><td>scanner</td><td>site=A</td>")
        .contains("1 change(s) of T beyond 0.1 since the previous run");
    assertThat(rendered.figures()).extracting(Figure::section).contains(Figure.Section.TREND);
    assertThat(images(rendered.html())).hasSize(rendered.figures().size());
  }

  @Test
  void writesTheHtmlAndEveryFigureInsideTheGivenFolderOnly() throws IOException {
    Path run = dir.resolve("staging/run");
    new RunReport(hostile(List.of())).write(new Configuration(), run.toUri().toString());
    assertThat(run.resolve(RunReport.HTML_FILE)).isRegularFile();
    String html = Files.readString(run.resolve(RunReport.HTML_FILE), StandardCharsets.UTF_8);
    List<Path> written;
    try (Stream<Path> files = Files.walk(dir)) {
      written =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().endsWith(".crc"))
              .toList();
    }
    List<Path> figures = written.stream().filter(p -> p.toString().endsWith(".png")).toList();
    assertThat(figures)
        .hasSize(8)
        .allSatisfy(
            p -> {
              assertThat(p.getParent()).isEqualTo(run.resolve(RunReport.FIGURES_DIR));
              assertThat(p.getFileName().toString()).matches("[a-z0-9-]+\\.png");
            });
    assertThat(written).hasSize(9);
    // The files are the figures the page embeds.
    List<byte[]> embedded = images(html);
    for (Path f : figures) {
      byte[] bytes = Files.readAllBytes(f);
      assertThat(embedded).anySatisfy(e -> assertThat(e).isEqualTo(bytes));
      assertThat(html).contains("figures/" + f.getFileName());
    }
  }
}
