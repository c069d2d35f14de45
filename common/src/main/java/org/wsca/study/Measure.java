package org.wsca.study;

import java.util.Set;

/**
 * What a scenario counts per data set. The original scenarios count WSC rejections (p <= alpha)
 * among tested data sets; the validation of issue 12 counts the audit's verdicts, over every data
 * set.
 */
public enum Measure {
  /** WSC permutation p <= alpha; data sets whose test was skipped are left out. */
  WSC_P("WSC p <= alpha"),
  /** The verdict claims use (SHORTCUT_RISK or USES_CLINICAL_SIGNAL). */
  USE_CLAIMED("use claimed"),
  /** The verdict is NOT_TESTED with a reason. */
  NOT_TESTED("NOT_TESTED");

  static final Set<String> USE_VERDICTS = Set.of("SHORTCUT_RISK", "USES_CLINICAL_SIGNAL");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the data set enters the denominator. */
  boolean counts(DatasetOutcome o) {
    return this != WSC_P || o.tested();
  }

  /** Whether the data set is a hit (a rejection, a claim of use, a NOT_TESTED). */
  boolean hit(DatasetOutcome o, double alpha) {
    return switch (this) {
      case WSC_P -> o.rejected(alpha);
      case USE_CLAIMED -> o.useClaimed();
      case NOT_TESTED -> "NOT_TESTED".equals(o.verdict()) && o.notTestedReason() != null;
    };
  }
}
