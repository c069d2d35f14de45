package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricTest {

  @Test
  void parsesTheConfigurationSpellings() {
    assertThat(Metric.parse("cosine")).isEqualTo(Metric.COSINE);
    assertThat(Metric.parse("logit-correlation")).isEqualTo(Metric.LOGIT_CORRELATION);
    assertThat(Metric.parse(" Cosine ")).isEqualTo(Metric.COSINE);
  }

  @Test
  void labelRoundTrips() {
    for (Metric metric : Metric.values()) {
      assertThat(Metric.parse(metric.label())).isEqualTo(metric);
    }
  }

  @Test
  void unknownValueListsTheValidOnes() {
    assertThatThrownBy(() -> Metric.parse("pearson"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pearson")
        .hasMessageContaining("cosine, logit-correlation");
    assertThatThrownBy(() -> Metric.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
