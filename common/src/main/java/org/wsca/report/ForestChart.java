package org.wsca.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.wsca.math.NullSummary;
import org.wsca.result.TestOutcome;

/**
 * One metadata task across scopes, one row per scope (pooled first, then each site): the grey bar
 * spans the scope's null from its mean to its 95th percentile (the tick), and the dot is the
 * observed T, red when significant. A dot right of its own tick beats that site's chance level.
 */
final class ForestChart {
  private ForestChart() {}

  /** {@code tests}: the tested outcomes of one task, in the order the rows should appear. */
  static JFreeChart chart(String task, List<TestOutcome> tests, ReportInput input) {
    XYIntervalSeries chance = new XYIntervalSeries("null: mean to 95th percentile");
    XYIntervalSeries significant = new XYIntervalSeries("T, significant (BH q <= alpha)");
    XYIntervalSeries other = new XYIntervalSeries("T, not significant");
    String[] rows = new String[tests.size()];
    for (int i = 0; i < tests.size(); i++) {
      TestOutcome t = tests.get(i);
      rows[i] = t.scope();
      NullSummary nulls = t.nulls().orElseThrow().summary();
      chance.add(nulls.p95(), Math.min(nulls.mean(), nulls.p95()), nulls.p95(), i, i, i);
      (input.significant(t) ? significant : other).add(t.t(), t.t(), t.t(), i, i, i);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(chance);
    data.addSeries(significant);
    data.addSeries(other);
    XYPlot plot = new XYPlot(data, valueAxis(), scopeAxis(rows), renderer());
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    return new JFreeChart(
        "T per scope against its null: " + task, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  static int height(int rows) {
    return 200 + 44 * rows;
  }

  private static NumberAxis valueAxis() {
    NumberAxis axis = new NumberAxis("T (max |WSC|)");
    axis.setRange(0.0, 1.02);
    return axis;
  }

  private static SymbolAxis scopeAxis(String[] rows) {
    SymbolAxis axis = new SymbolAxis("scope", rows);
    axis.setInverted(true);
    axis.setGridBandsVisible(false);
    return axis;
  }

  private static XYErrorRenderer renderer() {
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(true);
    renderer.setDrawYError(false);
    renderer.setDefaultLinesVisible(false);
    renderer.setErrorPaint(ChartStyle.NULL_GREY);
    renderer.setErrorStroke(new BasicStroke(5f));
    renderer.setCapLength(0);
    renderer.setSeriesPaint(0, Color.DARK_GRAY);
    renderer.setSeriesShape(0, new Rectangle2D.Double(-1.5, -9, 3, 18));
    renderer.setSeriesPaint(1, ChartStyle.SIGNIFICANT);
    renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
    renderer.setSeriesPaint(2, ChartStyle.NOT_SIGNIFICANT);
    renderer.setSeriesShape(2, new Ellipse2D.Double(-6, -6, 12, 12));
    return renderer;
  }
}
