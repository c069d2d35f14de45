package org.wsca.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** The look shared by all figures, and PNG rendering (headless: see {@link RunReport}). */
final class ChartStyle {
  static final Color SIGNIFICANT = new Color(200, 30, 45);
  static final Color NOT_SIGNIFICANT = new Color(40, 100, 170);
  static final Color NULL_GREY = new Color(150, 150, 150);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  private ChartStyle() {}

  static byte[] png(JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Rendering figure '" + chart.getTitle().getText() + "' failed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** A line across the plot; {@code label} may be null. Labels sit at the top, right of it. */
  static ValueMarker marker(double value, Color colour, String label, boolean dashed) {
    ValueMarker marker = new ValueMarker(value);
    marker.setPaint(colour);
    marker.setStroke(
        dashed
            ? new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
            : new BasicStroke(2.5f));
    if (label != null) {
      marker.setLabel(label);
      marker.setLabelFont(SMALL);
      marker.setLabelPaint(colour);
      marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    }
    return marker;
  }

  /** A horizontal line's label: at the left end, just above the line. */
  static ValueMarker labelAboveLeft(ValueMarker marker) {
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return marker;
  }
}
