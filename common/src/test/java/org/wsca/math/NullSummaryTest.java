package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NullSummaryTest {

  @Test
  void fourValuesByHand() {
    // {0.1, 0.3, 0.5, 0.2}: mean 0.275; squared deviations 0.030625 + 0.000625 + 0.050625 +
    // 0.005625 = 0.0875, sd = sqrt(0.0875 / 3) = 0.17078251276599332.
    // p95: sorted {0.1, 0.2, 0.3, 0.5}, h = 3 * 0.95 = 2.85 -> 0.3 + 0.85 * (0.5 - 0.3) = 0.47
    // (numpy.percentile(x, 95) gives 0.47).
    NullSummary summary = NullSummary.of(new double[] {0.1, 0.3, 0.5, 0.2});
    assertThat(summary.mean()).isCloseTo(0.275, within(1e-15));
    assertThat(summary.sd()).isCloseTo(Math.sqrt(0.0875 / 3), within(1e-15));
    assertThat(summary.p95()).isCloseTo(0.47, within(1e-15));
  }

  @Test
  void oneToTwentyByHand() {
    // 1..20: mean 10.5; sample variance n (n + 1) / 12 = 35; p95 at h = 19 * 0.95 = 18.05 between
    // sorted[18] = 19 and sorted[19] = 20 -> 19.05.
    double[] values = new double[20];
    for (int i = 0; i < 20; i++) {
      values[19 - i] = i + 1; // unsorted input
    }
    NullSummary summary = NullSummary.of(values);
    assertThat(summary.mean()).isCloseTo(10.5, within(1e-14));
    assertThat(summary.sd()).isCloseTo(Math.sqrt(35), within(1e-14));
    assertThat(summary.p95()).isCloseTo(19.05, within(1e-12));
  }

  @Test
  void singleValueHasZeroSpread() {
    NullSummary summary = NullSummary.of(new double[] {0.4});
    assertThat(summary).isEqualTo(new NullSummary(0.4, 0.0, 0.4));
  }

  @Test
  void emptyIsRejected() {
    assertThatThrownBy(() -> NullSummary.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
