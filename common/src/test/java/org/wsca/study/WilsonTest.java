package org.wsca.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Golden values of the Wilson score interval without continuity correction: Newcombe (1998),
 * "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17, Table I,
 * method 3, printed to 4 decimals (tolerance 5e-5). The other rows were computed by hand from the
 * closed form, checked with {@code python3 -c "import math; z=1.959963984540054; x,n=2,40; p=x/n;
 * d=1+z*z/n; c=(p+z*z/(2*n))/d; h=z/d*math.sqrt(p*(1-p)/n+z*z/(4*n*n)); print(c-h, c+h)"}.
 */
class WilsonTest {
  private static final double NEWCOMBE = 5e-5;

  @Test
  void matchesNewcombesTable() {
    assertInterval(Wilson.of95(81, 263), 0.2553, 0.3662, NEWCOMBE);
    assertInterval(Wilson.of95(15, 148), 0.0624, 0.1605, NEWCOMBE);
    assertInterval(Wilson.of95(0, 20), 0.0000, 0.1611, NEWCOMBE);
    assertInterval(Wilson.of95(1, 29), 0.0061, 0.1718, NEWCOMBE);
  }

  @Test
  void matchesTheClosedFormByHand() {
    // p = 0.05, z^2/n = 0.0960365, centre 0.0894298, half-width 0.0756092.
    assertInterval(Wilson.of95(2, 40), 0.0138207, 0.1650388, 1e-6);
    // 0 of 10: the textbook upper bound z^2 / (n + z^2) = 0.2775328.
    assertInterval(Wilson.of95(0, 10), 0.0, 0.2775328, 1e-6);
  }

  @Test
  void allSuccessesReachOneAndTheIntervalStaysInTheUnitRange() {
    Wilson all = Wilson.of95(200, 200);
    assertThat(all.high()).isEqualTo(1.0);
    assertThat(all.low()).isCloseTo(0.9811547, within(1e-6));
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> Wilson.of95(3, 2)).hasMessageContaining("3 of 2");
    assertThatThrownBy(() -> Wilson.of95(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertInterval(Wilson w, double low, double high, double tolerance) {
    assertThat(w.low()).isCloseTo(low, within(tolerance));
    assertThat(w.high()).isCloseTo(high, within(tolerance));
  }
}
