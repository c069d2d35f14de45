package org.wsca.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.wsca.method.Verdict;
import org.wsca.output.Manifest;
import org.wsca.report.Figure.Section;
import org.wsca.result.TestOutcome;

/**
 * The report as one self-contained HTML page: inline CSS, figures as data: URIs, no scripts and no
 * external resources. Every string that comes from data or settings is escaped.
 */
final class ReportPage {
  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;
        max-width:1400px;color:#222;line-height:1.4;padding:0 16px}
      h1{font-size:1.6em;margin-bottom:4px}h2{border-bottom:2px solid #ddd;padding-bottom:4px;
        margin-top:36px}
      table{border-collapse:collapse;margin:8px 0 16px;font-size:0.9em}
      th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .v-SHORTCUT_RISK{background:#f8d0d0}.v-USES_CLINICAL_SIGNAL{background:#d6ecd2}
      .v-ENCODED_NOT_USED{background:#e6eef8}.v-NOT_ENCODED{background:#f4f4f4}
      .v-NOT_TESTED{background:#fbf3d5}.flag{background:#ffd9a8;font-weight:bold}
      figure{margin:16px 16px 16px 0;display:inline-table;vertical-align:top}
      figure img{max-width:100%;border:1px solid #ddd}
      figcaption{display:table-caption;caption-side:bottom;font-size:0.85em;color:#555}
      pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:0.8em;max-height:480px}
      .muted{color:#666}td.words{min-width:22em}
      """;

  private final ReportInput input;
  private final Trend trend;
  private final List<Figure> figures;
  private final Page page = new Page();

  ReportPage(ReportInput input, Trend trend, List<Figure> figures) {
    this.input = input;
    this.trend = trend;
    this.figures = figures;
  }

  String render() {
    page.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<title>WSCA report ")
        .text(input.result().runId())
        .raw("</title>")
        .raw("<style>")
        .raw(CSS)
        .raw("</style></head><body>\n");
    header();
    summary();
    trendSection();
    figureSections();
    new RunFactsSection(input, page).render();
    return page.raw("</body></html>\n").toString();
  }

  private void header() {
    Manifest m = input.manifest();
    page.element("h1", "WSCA audit report, run " + input.result().runId())
        .raw("<p class=\"muted\">")
        .text("Finished " + m.finishedAt() + ". Results: " + input.result().outputPath())
        .raw("</p>\n");
    Map<Verdict, Long> counts = new TreeMap<>();
    input.result().tests().forEach(t -> counts.merge(t.verdict(), 1L, Long::sum));
    page.raw("<p>");
    counts.forEach(
        (verdict, n) ->
            page.raw("<span class=\"v-" + verdict.name() + "\">")
                .text(" " + n + " x " + verdict.name() + " ")
                .raw("</span> "));
    if (trend.flaggedCount() > 0) {
      page.raw("<span class=\"flag\">")
          .text(
              trend.flaggedCount()
                  + " change(s) of T beyond "
                  + input.settings().report().changeThreshold()
                  + " since the previous run")
          .raw("</span>");
    }
    page.raw("</p>\n");
  }

  private void summary() {
    page.element("h2", "Summary")
        .raw(
            "<p>One row per metadata task and scope. Presence: can a probe decode the metadata"
                + " from the embedding (AUROC on held-out rows)? Alignment: T, the largest |cosine|"
                + " between the clinical head and the metadata head, and p from its permutation test"
                + " (the paper's measure). Use: within label and site, how far the clinical score of"
                + " the held-out rows moves with the metadata (shift, in standard deviations of the"
                + " score), with its q-value (Benjamini-Hochberg within the test's family: one family per role, so clinical findings do not loosen the confounders' threshold); the verdict"
                + " claims use when q &lt;= alpha and the shift is at least the minimum.</p>\n")
        .raw("<table><thead>")
        .row(
            "th",
            "task",
            "scope",
            "role",
            "presence AUROC",
            "T",
            "null 95%",
            "p",
            "shift (sd)",
            "shift q",
            "q family",
            "verdict",
            "in plain words",
            "training rows per class")
        .raw("</thead><tbody>\n");
    input.result().tests().forEach(this::summaryRow);
    page.raw("</tbody></table>\n");
  }

  private void summaryRow(TestOutcome t) {
    String p95 = t.tested() ? Html.number(t.nulls().orElseThrow().summary().p95()) : "-";
    String words =
        t.notTestedReason()
            .map(r -> t.verdict().explanation() + " Reason: " + r)
            .orElse(t.verdict().explanation() + shiftWords(t));
    page.raw("<tr class=\"v-" + t.verdict().name() + "\">")
        .element("td", t.task())
        .element("td", t.scope())
        .element("td", t.role().name().toLowerCase())
        .raw("<td class=\"num\">")
        .text(Html.number(t.presence().auroc()))
        .raw("</td>")
        .raw("<td class=\"num\">")
        .text(Html.number(t.t()))
        .raw("</td>")
        .raw("<td class=\"num\">")
        .text(p95)
        .raw("</td>")
        .raw("<td class=\"num\">")
        .text(Html.number(t.p()))
        .raw("</td>")
        .raw("<td class=\"num\">")
        .text(Html.number(t.dependence().shiftSd()))
        .raw("</td>")
        .raw("<td class=\"num\">")
        .text(Html.number(t.dependence().q()))
        .raw("</td>")
        .element("td", t.family())
        .element("td", t.verdict().name())
        .raw("<td class=\"words\">")
        .text(words)
        .raw("</td>")
        .element("td", counts(t.trainCounts()))
        .raw("</tr>\n");
  }

  /** Where the largest shift is, e.g. " Largest shift: abdomen x E6, +1.54 sd." */
  private static String shiftWords(TestOutcome t) {
    if (!t.tested() || !t.dependence().tested()) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        " Largest shift: %s, %+.2f sd.",
        t.dependence().cell(),
        t.dependence().signedShiftSd());
  }

  private static String counts(Map<String, Long> counts) {
    StringBuilder out = new StringBuilder();
    counts.forEach(
        (k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
    return out.toString();
  }

  private void trendSection() {
    double threshold = input.settings().report().changeThreshold();
    page.element("h2", "Trend")
        .raw("<p>")
        .text(
            "T of each task and scope over the last "
                + trend.runIds().size()
                + " run(s) (at most report.history-runs = "
                + input.settings().report().historyRuns()
                + "), oldest first. A change of T since the previous run larger than "
                + "report.change-threshold = "
                + threshold
                + " is flagged.")
        .raw("</p>\n");
    if (!trend.hasHistory()) {
      page.raw(
          "<p class=\"muted\">No earlier runs in the history: the trend starts with this"
              + " run.</p>\n");
    }
    page.raw("<table><thead><tr>").element("th", "task").element("th", "scope");
    trend.runIds().forEach(id -> page.element("th", id));
    page.element("th", "change").element("th", "flag").raw("</tr></thead><tbody>\n");
    for (Trend.Row row : trend.rows()) {
      page.raw(row.flagged() ? "<tr class=\"flag\">" : "<tr>")
          .element("td", row.task())
          .element("td", row.scope());
      row.t().forEach(t -> page.raw("<td class=\"num\">").text(Html.number(t)).raw("</td>"));
      page.raw("<td class=\"num\">")
          .text(Html.signed(row.change()))
          .raw("</td>")
          .element("td", row.flagged() ? "changed beyond threshold" : "")
          .raw("</tr>\n");
    }
    page.raw("</tbody></table>\n");
    figures(Section.TREND);
  }

  private void figureSections() {
    page.element("h2", "WSC matrices")
        .raw(
            "<p>Each cell is the signed cosine between a primary (clinical) class vector and a"
                + " metadata class vector after projection. Red: aligned, blue: opposed, white:"
                + " orthogonal; the scale is fixed at [-1, 1] for every scope.</p>\n");
    figures(Section.HEAT_MAP);
    page.element("h2", "Presence versus use")
        .raw(
            "<p>Each point is a tested task and scope. Right of the dashed vertical line the"
                + " metadata is encoded; above the dashed horizontal line the alignment reaches the"
                + " minimum effect. Red points are significant.</p>\n");
    figures(Section.PRESENCE_USE);
    page.element("h2", "Per-site forest plots")
        .raw(
            "<p>For each task, one row per scope: the dot is T, the grey bar runs from that"
                + " scope's null mean to its 95th percentile (the tick). A dot right of its tick is"
                + " beyond that site's chance level.</p>\n");
    figures(Section.FOREST);
    page.element("h2", "Null distributions")
        .raw(
            "<p>T of heads refitted on permuted metadata labels; the solid line is the observed"
                + " T, the dashed line the null's 95th percentile.</p>\n");
    figures(Section.NULL_DISTRIBUTION);
  }

  private void figures(Section section) {
    boolean any = false;
    for (Figure f : figures) {
      if (f.section() == section) {
        any = true;
        page.raw("<figure><img src=\"")
            .raw(f.dataUri())
            .raw("\" alt=\"")
            .text(f.title())
            .raw("\" data-file=\"figures/")
            .text(f.fileName())
            .raw("\"><figcaption>")
            .text(f.caption() + " File: figures/" + f.fileName())
            .raw("</figcaption></figure>\n");
      }
    }
    if (!any && section != Section.TREND) {
      page.raw("<p class=\"muted\">No figure: nothing was tested here.</p>\n");
    }
  }
}
