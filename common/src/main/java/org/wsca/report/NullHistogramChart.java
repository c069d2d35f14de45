package org.wsca.report;

import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.wsca.audit.TestOutcome;

/**
 * The permutation null of one test: T_1..T_B as a histogram, the observed T as a solid line
 * and the null's 95th percentile as a dashed line; the T line is red when the test is significant (BH q <= alpha). T to the right of most of the null is
 * alignment beyond chance.
 */
final class NullHistogramChart {
  private NullHistogramChart() {}

  static JFreeChart chart(TestOutcome test, boolean significant) {
    double[] nulls = test.nulls().statistics();
    HistogramDataset data = new HistogramDataset();
    data.addSeries("T under permuted labels", nulls, bins(nulls.length));
    JFreeChart chart = ChartFactory.createHistogram(
        "Null of T: " + test.task() + ", " + test.scope(), "T (max |WSC|)",
        "permutations", data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, ChartStyle.NULL_GREY);
    double p95 = test.nulls().summary().p95();
    plot.addDomainMarker(ChartStyle.marker(p95, Color.DARK_GRAY,
        String.format(Locale.ROOT, "null 95%% %.3f", p95), true));
    Color observed = significant ? ChartStyle.SIGNIFICANT : ChartStyle.NOT_SIGNIFICANT;
    plot.addDomainMarker(ChartStyle.marker(test.t(), observed,
        String.format(Locale.ROOT, "T %.3f (p %.3f)", test.t(), test.p()), false));
    // Keep the observed T in view even when it lies far beyond every permuted value.
    double upper = Math.max(plot.getDomainAxis().getUpperBound(), test.t() * 1.1);
    double lower = Math.min(plot.getDomainAxis().getLowerBound(), test.t() * 0.9);
    plot.getDomainAxis().setRange(lower, upper);
    return chart;
  }

  private static int bins(int permutations) {
    return Math.max(5, Math.min(40, (int) Math.ceil(Math.sqrt(permutations))));
  }
}
