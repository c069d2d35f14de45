package org.wsca.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesMarkupQuotesAndAmpersands() {
    assertThat(Html.escape("<script>alert(1)</script>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Html.escape("a\"b'c&d")).isEqualTo("a&quot;b&#39;c&amp;d");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void numbersShowThreeDecimalsAndADashForNaN() {
    assertThat(Html.number(0.12345)).isEqualTo("0.123");
    assertThat(Html.number(Double.NaN)).isEqualTo("-");
    assertThat(Html.signed(0.2)).isEqualTo("+0.200");
    assertThat(Html.signed(-0.2)).isEqualTo("-0.200");
  }
}
