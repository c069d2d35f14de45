package org.wsca.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.wsca.result.WscCell;

class HeatMapChartTest {
  @Test
  void theScaleIsSymmetricAroundZero() {
    DivergingScale scale = new DivergingScale(1.0);
    assertThat(scale.getPaint(0.0)).isEqualTo(Color.WHITE);
    for (double v : new double[] {0.1, 0.5, 1.0, 3.0}) {
      Color positive = (Color) scale.getPaint(v);
      Color negative = (Color) scale.getPaint(-v);
      assertThat(distanceFromWhite(positive))
          .isCloseTo(distanceFromWhite(negative), org.assertj.core.data.Offset.offset(0.02));
      assertThat(positive.getRed()).isGreaterThan(positive.getBlue());
      assertThat(negative.getBlue()).isGreaterThan(negative.getRed());
    }
    assertThat(scale.getLowerBound()).isEqualTo(-scale.getUpperBound());
  }

  /** Saturation as the share of the way from white to the end colour. */
  private static double distanceFromWhite(Color c) {
    Color end = c.getRed() > c.getBlue() ? new Color(178, 24, 43) : new Color(33, 102, 172);
    return (255.0 - c.getGreen()) / (255.0 - end.getGreen());
  }

  @Test
  void positiveCellsAreDrawnRedAndNegativeCellsBlue() throws IOException {
    List<WscCell> cells =
        List.of(
            new WscCell("pooled", "scanner", "head", "E10", 0, 0, 0.9),
            new WscCell("pooled", "scanner", "head", "S10", 0, 1, -0.9));
    HeatMapChart chart = new HeatMapChart("pooled", cells);
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(ChartStyle.png(chart.chart(), chart.width(), chart.height())));
    DivergingScale scale = new DivergingScale(1.0);
    assertThat(count(image, (Color) scale.getPaint(0.9))).isGreaterThan(1000);
    assertThat(count(image, (Color) scale.getPaint(-0.9))).isGreaterThan(1000);
  }

  private static int count(BufferedImage image, Color colour) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
          n++;
        }
      }
    }
    return n;
  }
}
