package org.wsca.report;

import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.HistogramDataset;
import org.wsca.result.TestOutcome;

/**
 * The permutation null of one test: T_1..T_B as a histogram, the observed T as a solid line and the
 * null's 95th percentile as a dashed line; the T line is red when the test is significant (BH q <=
 * alpha). T to the right of most of the null is alignment beyond chance.
 */
final class NullHistogramChart {
  private NullHistogramChart() {}

  static JFreeChart chart(TestOutcome test, boolean significant) {
    double[] nulls = test.nulls().orElseThrow().statistics();
    HistogramDataset data = new HistogramDataset();
    data.addSeries("T under permuted labels", nulls, bins(nulls.length));
    JFreeChart chart =
        ChartFactory.createHistogram(
            "Null of T: " + test.task() + ", " + test.scope(),
            "T (max |WSC|)",
            "permutations",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, ChartStyle.NULL_GREY);
    double p95 = test.nulls().orElseThrow().summary().p95();
    plot.addDomainMarker(ChartStyle.marker(p95, Color.DARK_GRAY, null, true));
    Color observed = significant ? ChartStyle.SIGNIFICANT : ChartStyle.NOT_SIGNIFICANT;
    plot.addDomainMarker(ChartStyle.marker(test.t(), observed, null, false));
    // The values go in a subtitle: marker labels collide when T is near the 95th percentile.
    TextTitle values =
        new TextTitle(
            String.format(
                Locale.ROOT,
                "observed T %.3f (solid line), p %.3f, q %.3f; null 95th percentile %.3f (dashed)",
                test.t(),
                test.p(),
                test.q(),
                p95),
            ChartStyle.SMALL);
    values.setPaint(observed);
    chart.addSubtitle(values);
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
