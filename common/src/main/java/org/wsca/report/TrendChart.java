package org.wsca.report;

import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** T of every test across the last runs, one line per (task, scope); a gap where untested. */
final class TrendChart {
  private TrendChart() {}

  static JFreeChart chart(Trend trend) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Trend.Row row : trend.rows()) {
      XYSeries series = new XYSeries(row.task() + ", " + row.scope(), false, true);
      for (int i = 0; i < row.t().size(); i++) {
        series.add(i, Double.isNaN(row.t().get(i)) ? null : row.t().get(i));
      }
      data.addSeries(series);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "T over the last runs",
            "run",
            "T (max |WSC|)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    SymbolAxis runs = new SymbolAxis("run", trend.runIds().toArray(String[]::new));
    runs.setGridBandsVisible(false);
    runs.setVerticalTickLabels(trend.runIds().size() > 4);
    plot.setDomainAxis(runs);
    plot.getRangeAxis().setRange(0.0, 1.02);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    renderer.setDefaultShapesVisible(true);
    return chart;
  }
}
