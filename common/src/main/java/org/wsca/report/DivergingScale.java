package org.wsca.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * Blue (-bound) to white (0) to red (+bound): a diverging scale symmetric around 0, so the sign of
 * a WSC cell reads as its hue and its size as its saturation. Values beyond the bound are clamped.
 */
final class DivergingScale implements PaintScale, Serializable {
  private static final Color NEGATIVE = new Color(33, 102, 172);
  private static final Color POSITIVE = new Color(178, 24, 43);

  private final double bound;

  DivergingScale(double bound) {
    if (!(bound > 0)) {
      throw new IllegalArgumentException("Colour scale bound " + bound + " must be positive");
    }
    this.bound = bound;
  }

  @Override
  public double getLowerBound() {
    return -bound;
  }

  @Override
  public double getUpperBound() {
    return bound;
  }

  @Override
  public Paint getPaint(double value) {
    if (Double.isNaN(value)) {
      return Color.LIGHT_GRAY;
    }
    double share = Math.min(1.0, Math.abs(value) / bound);
    return blend(Color.WHITE, value < 0 ? NEGATIVE : POSITIVE, share);
  }

  private static Color blend(Color from, Color to, double share) {
    return new Color(
        mix(from.getRed(), to.getRed(), share),
        mix(from.getGreen(), to.getGreen(), share),
        mix(from.getBlue(), to.getBlue(), share));
  }

  private static int mix(int from, int to, double share) {
    return (int) Math.round(from + (to - from) * share);
  }
}
