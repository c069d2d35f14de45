package org.wsca.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.wsca.result.TestOutcome;

/**
 * Presence against use, one point per tested (task, scope): probe AUROC on x, T on y. Significant
 * tests are red. Dashed lines mark the presence gate and the minimum effect, so the upper right
 * quadrant (encoded and used) is where shortcuts and clinical signals sit.
 */
final class PresenceUseChart {
  private static final int MAX_LABELS = 40;

  private PresenceUseChart() {}

  static JFreeChart chart(ReportInput input) {
    XYSeries significant = new XYSeries("significant (BH q <= alpha)", false, true);
    XYSeries other = new XYSeries("not significant", false, true);
    List<TestOutcome> tests =
        input.tested().stream().filter(t -> !Double.isNaN(t.presence().auroc())).toList();
    for (TestOutcome t : tests) {
      (input.significant(t) ? significant : other).add(t.presence().auroc(), t.t());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(significant);
    data.addSeries(other);
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            "Presence versus use",
            "presence: probe AUROC on test rows",
            "use: T (max |WSC|)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    style(plot);
    var thresholds = input.settings().verdict();
    plot.addDomainMarker(
        ChartStyle.marker(thresholds.presenceGate(), Color.DARK_GRAY, "presence gate", true));
    plot.addRangeMarker(
        ChartStyle.labelAboveLeft(
            ChartStyle.marker(thresholds.minEffect(), Color.DARK_GRAY, "minimum effect", true)));
    if (tests.size() <= MAX_LABELS) {
      tests.forEach(t -> plot.addAnnotation(label(t)));
    }
    return chart;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.getDomainAxis().setRange(0.0, 1.02);
    plot.getRangeAxis().setRange(0.0, 1.02);
    XYItemRenderer renderer = plot.getRenderer();
    renderer.setSeriesPaint(0, ChartStyle.SIGNIFICANT);
    renderer.setSeriesPaint(1, ChartStyle.NOT_SIGNIFICANT);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
  }

  private static XYTextAnnotation label(TestOutcome t) {
    XYTextAnnotation label =
        new XYTextAnnotation(t.task() + ", " + t.scope() + " ", t.presence().auroc(), t.t());
    label.setFont(ChartStyle.SMALL);
    // Probes of encoded metadata sit near AUROC 1: label those to the left of the point.
    label.setTextAnchor(
        t.presence().auroc() > 0.8 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
    return label;
  }
}
