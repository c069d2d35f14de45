package org.wsca.report;

import java.util.Locale;
import java.util.Map;
import org.wsca.blas.BlasCensus;
import org.wsca.input.InputFile;
import org.wsca.method.Head;
import org.wsca.output.Manifest;
import org.wsca.result.AuditResult;
import org.wsca.result.ScopeResult;
import org.wsca.result.TestOutcome;

/** The run facts: inputs, row counts, projections, convergence, versions, timings, settings. */
final class RunFactsSection {
  private final ReportInput input;
  private final Page page;

  RunFactsSection(ReportInput input, Page page) {
    this.input = input;
    this.page = page;
  }

  void render() {
    page.element("h2", "Run facts");
    inputs();
    rows();
    projections();
    convergence();
    separable();
    versionsAndTimings();
    page.element("h3", "Settings")
        .raw("<pre>")
        .text(input.manifest().settingsJson())
        .raw("</pre>\n");
  }

  private void inputs() {
    page.element("h3", "Input")
        .raw("<table><thead>")
        .row("th", "configured path")
        .raw("</thead><tbody>\n");
    input.settings().input().paths().forEach(p -> page.row("td", p));
    page.raw("</tbody></table>\n<table><thead>")
        .row("th", "file read", "bytes")
        .raw("</thead><tbody>\n");
    for (InputFile f : input.manifest().inputFiles()) {
      page.row("td", f.path(), Long.toString(f.sizeBytes()));
    }
    page.raw("</tbody></table>\n");
  }

  private void rows() {
    AuditResult r = input.result();
    page.element("h3", "Rows")
        .raw("<table><tbody>\n")
        .row("td", "read", Long.toString(r.rowsRead()))
        .row("td", "rejected", Long.toString(r.rowsRejected()))
        .row("td", "training", Long.toString(r.rowsTrain()))
        .row("td", "test", Long.toString(r.rowsTest()))
        .row("td", "embedding dimension", Integer.toString(r.dimension()))
        .raw("</tbody></table>\n<table><thead>")
        .row("th", "reject reason", "rows")
        .raw("</thead><tbody>\n");
    r.rejectsByReason().forEach((reason, n) -> page.row("td", reason, Long.toString(n)));
    if (r.rejectsByReason().isEmpty()) {
      page.row("td", "none", "0");
    }
    page.raw("</tbody></table>\n");
  }

  private void projections() {
    page.element("h3", "Projection per scope")
        .raw("<table><thead>")
        .row(
            "th",
            "scope",
            "method",
            "dimension",
            "rank",
            "k",
            "explained variance",
            "training rows",
            "skipped because")
        .raw("</thead><tbody>\n");
    for (ScopeResult s : input.result().scopes()) {
      String skip = s.skipReason().orElse("");
      s.pca()
          .ifPresentOrElse(
              p ->
                  page.row(
                      "td",
                      s.scope().name(),
                      p.method(),
                      Integer.toString(p.dimension()),
                      Integer.toString(p.rank()),
                      Integer.toString(p.k()),
                      String.format(Locale.ROOT, "%.4f", p.explainedFraction()),
                      Long.toString(p.trainRows()),
                      skip),
              () -> page.row("td", s.scope().name(), "-", "-", "-", "-", "-", "-", skip));
    }
    page.raw("</tbody></table>\n");
  }

  private void convergence() {
    page.element("h3", "Heads that did not converge")
        .raw("<table><thead>")
        .row("th", "scope", "task", "head", "did not converge")
        .raw("</thead><tbody>\n");
    int rows = 0;
    for (ScopeResult s : input.result().scopes()) {
      for (Head h : s.heads()) {
        if (!h.converged()) {
          page.row(
              "td",
              h.scope(),
              h.task(),
              "observed " + h.source(),
              "stopped after " + h.iterations() + " iterations");
          rows++;
        }
      }
    }
    for (TestOutcome t : input.tested()) {
      if (t.nulls().orElseThrow().nonConverged() > 0) {
        page.row(
            "td",
            t.scope(),
            t.task(),
            "permuted",
            t.nulls().orElseThrow().nonConverged()
                + " of "
                + t.nulls().orElseThrow().permutations());
        rows++;
      }
    }
    if (rows == 0) {
      page.raw("<tr><td colspan=\"4\">All observed and permuted heads converged.</td></tr>\n");
    }
    page.raw("</tbody></table>\n");
  }

  /** Separable classes are common for site and scanner; the L2 penalty keeps such heads finite. */
  private void separable() {
    page.element("h3", "Heads on linearly separable classes")
        .raw("<table><thead>")
        .row("th", "scope", "task", "head")
        .raw("</thead><tbody>\n");
    int rows = 0;
    for (ScopeResult s : input.result().scopes()) {
      for (Head h : s.heads()) {
        if (Boolean.TRUE.equals(h.separable())) {
          page.row("td", h.scope(), h.task(), "observed " + h.source());
          rows++;
        }
      }
    }
    if (rows == 0) {
      page.raw(
          "<tr><td colspan=\"3\">No fitted head classified all its training rows"
              + " right.</td></tr>\n");
    }
    page.raw("</tbody></table>\n");
  }

  /** Each distinct BLAS with its executors, and the pure-Java warning when any runs it. */
  private static String executorBlas(Manifest m) {
    if (m.executorBlas().isEmpty()) {
      return "not recorded";
    }
    String warning = BlasCensus.pureJavaWarning(m.executorBlas());
    return BlasCensus.summary(m.executorBlas())
        + (warning.isEmpty() ? "" : ". WARNING: " + warning);
  }

  private void versionsAndTimings() {
    Manifest m = input.manifest();
    page.element("h3", "Versions and timings")
        .raw("<table><tbody>\n")
        .row("td", "WSCA", m.wscaVersion())
        .row("td", "Spark", m.sparkVersion())
        .row("td", "Java", m.javaVersion())
        .row("td", "BLAS (driver)", m.blas())
        .row("td", "BLAS (executors)", executorBlas(m))
        .row("td", "seed", Long.toString(m.seed()))
        .row("td", "started", m.startedAt())
        .row("td", "finished", m.finishedAt());
    for (Map.Entry<String, Long> phase : m.phaseMillis().entrySet()) {
      page.row(
          "td",
          "phase " + phase.getKey(),
          String.format(Locale.ROOT, "%.1f s", phase.getValue() / 1000.0));
    }
    page.raw("</tbody></table>\n");
  }
}
