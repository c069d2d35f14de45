package org.wsca.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.wsca.result.WscCell;

/**
 * The signed WSC matrix of one scope: primary classes (rows) against the classes of every metadata
 * task (columns, grouped by task), on a blue-white-red scale fixed at [-1, 1] so that scopes and
 * runs compare by colour. Each cell also shows its value.
 */
final class HeatMapChart {
  private static final DivergingScale SCALE = new DivergingScale(1.0);

  private final String scope;
  private final List<String> rows = new ArrayList<>();
  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private final List<double[]> points = new ArrayList<>();

  HeatMapChart(String scope, List<WscCell> cells) {
    this.scope = scope;
    for (WscCell cell : cells) {
      int row = index(rows, cell.primaryClass());
      String column = cell.task() + ": " + cell.metadataClass();
      int col = columns.computeIfAbsent(column, c -> columns.size());
      points.add(new double[] {col, row, cell.wsc()});
    }
  }

  private static int index(List<String> labels, String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      labels.add(label);
      return labels.size() - 1;
    }
    return i;
  }

  int width() {
    return Math.max(520, Math.min(2400, 260 + 70 * columns.size()));
  }

  int height() {
    return 300 + 36 * rows.size();
  }

  JFreeChart chart() {
    XYPlot plot = new XYPlot(dataset(), columnAxis(), rowAxis(), renderer());
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    for (double[] p : points) {
      XYTextAnnotation value =
          new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", p[2]), p[0], p[1]);
      value.setFont(ChartStyle.SMALL);
      value.setPaint(Math.abs(p[2]) > 0.6 ? Color.WHITE : Color.BLACK);
      plot.addAnnotation(value);
    }
    JFreeChart chart = new JFreeChart("WSC, " + scope, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.addSubtitle(legend());
    return chart;
  }

  private DefaultXYZDataset dataset() {
    double[][] series = new double[3][points.size()];
    for (int i = 0; i < points.size(); i++) {
      for (int k = 0; k < 3; k++) {
        series[k][i] = points.get(i)[k];
      }
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries("wsc", series);
    return dataset;
  }

  private SymbolAxis columnAxis() {
    SymbolAxis axis =
        new SymbolAxis("metadata task: class", columns.keySet().toArray(String[]::new));
    axis.setVerticalTickLabels(true);
    axis.setTickLabelFont(ChartStyle.SMALL);
    axis.setGridBandsVisible(false);
    return axis;
  }

  private SymbolAxis rowAxis() {
    SymbolAxis axis = new SymbolAxis("primary class", rows.toArray(String[]::new));
    axis.setInverted(true);
    axis.setGridBandsVisible(false);
    return axis;
  }

  private static XYBlockRenderer renderer() {
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(SCALE);
    renderer.setBlockWidth(1.0);
    renderer.setBlockHeight(1.0);
    return renderer;
  }

  private static PaintScaleLegend legend() {
    NumberAxis axis = new NumberAxis("WSC (cosine)");
    axis.setRange(SCALE.getLowerBound(), SCALE.getUpperBound());
    axis.setTickUnit(new NumberTickUnit(0.25));
    PaintScaleLegend legend = new PaintScaleLegend(SCALE, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(14);
    legend.setMargin(4, 8, 4, 8);
    return legend;
  }
}
