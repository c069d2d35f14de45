package org.wsca.method;

import java.util.Objects;

/** The per-(metadata task, scope) conclusion of docs/method.md section 8. */
public enum Verdict {
  NOT_ENCODED(
      "The metadata cannot be decoded reliably from the embedding, so its alignment with"
          + " the clinical head is not interpretable."),
  SHORTCUT_RISK(
      "The metadata is decodable and the clinical head aligns with it beyond chance:"
          + " the decision may use it as a shortcut."),
  USES_CLINICAL_SIGNAL(
      "The clinical factor is decodable and the clinical head aligns with it"
          + " beyond chance: the decision uses this legitimate signal."),
  ENCODED_NOT_USED(
      "The metadata is decodable, but the clinical head does not align with it beyond"
          + " chance and the minimum effect: it is encoded but not used."),
  NOT_TESTED(
      "Presence or significance could not be computed for this task and scope, so no"
          + " conclusion is drawn.");

  private final String explanation;

  Verdict(String explanation) {
    this.explanation = explanation;
  }

  /**
   * Applies docs/method.md section 8. Boundaries are inclusive where the method says so: presence
   * equal to the gate counts as encoded, q equal to alpha as significant, T equal to the minimum
   * effect as large enough. A NaN presence, q or T means the test did not run.
   */
  public static Verdict decide(
      Role role,
      double presenceAuroc,
      double q,
      double t,
      double presenceGate,
      double alpha,
      double minEffect) {
    Objects.requireNonNull(role, "role");
    if (Double.isNaN(presenceAuroc) || Double.isNaN(q) || Double.isNaN(t)) {
      return NOT_TESTED;
    }
    if (presenceAuroc < presenceGate) {
      return NOT_ENCODED;
    }
    if (q <= alpha && t >= minEffect) {
      return role == Role.CONFOUNDER ? SHORTCUT_RISK : USES_CLINICAL_SIGNAL;
    }
    return ENCODED_NOT_USED;
  }

  /** One plain-English sentence for the report. */
  public String explanation() {
    return explanation;
  }
}
