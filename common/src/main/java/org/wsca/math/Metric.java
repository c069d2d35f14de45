package org.wsca.math;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How two projected head vectors are compared (docs/method.md section 5). */
public enum Metric {
  /** cos(P a, P b): the paper's Weight Space Correlation. */
  COSINE("cosine"),
  /** a'Sigma b / sqrt(a'Sigma a * b'Sigma b): the correlation of the two heads' logits. */
  LOGIT_CORRELATION("logit-correlation");

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  /** The configuration spelling, e.g. {@code logit-correlation}. */
  public String label() {
    return label;
  }

  public static Metric parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Metric metric : values()) {
      if (metric.label.equals(wanted)) {
        return metric;
      }
    }
    throw new IllegalArgumentException(
        "Unknown metric '"
            + text
            + "'; valid values are: "
            + Arrays.stream(values()).map(Metric::label).collect(Collectors.joining(", ")));
  }
}
