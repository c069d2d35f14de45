package org.wsca.method;

import java.util.Objects;

/** The per-(metadata task, scope) conclusion of docs/method.md section 8. */
public enum Verdict {
  NOT_ENCODED(
      "The metadata cannot be decoded reliably from the embedding, so its alignment with"
          + " the clinical head and its shift of the clinical score are not interpretable."),
  SHORTCUT_RISK(
      "The metadata is decodable and, within label and site, the score of the clinical decision"
          + " moves with it beyond chance and by at least the minimum shift: the decision may use"
          + " it as a shortcut."),
  USES_CLINICAL_SIGNAL(
      "The clinical factor is decodable and, within label and site, the score of the clinical"
          + " decision moves with it beyond chance and by at least the minimum shift: the decision"
          + " uses this legitimate signal."),
  ENCODED_NOT_USED(
      "The metadata is decodable, but within label and site the score of the clinical decision"
          + " does not move with it beyond chance and the minimum shift: it is encoded but not"
          + " used."),
  NOT_TESTED(
      "Presence or the test of use could not be computed for this task and scope, so no"
          + " conclusion is drawn.");

  private final String explanation;

  Verdict(String explanation) {
    this.explanation = explanation;
  }

  /**
   * Applies docs/method.md section 8: {@code q} and {@code effect} are the decision-dependence
   * test's q-value and shift D in sd (section 11). Boundaries are inclusive where the method says
   * so: presence equal to the gate counts as encoded, q equal to alpha as significant, an effect
   * equal to the minimum as large enough. A NaN presence, q or effect means the test did not run.
   */
  public static Verdict decide(
      Role role,
      double presenceAuroc,
      double q,
      double effect,
      double presenceGate,
      double alpha,
      double minEffect) {
    Objects.requireNonNull(role, "role");
    if (Double.isNaN(presenceAuroc) || Double.isNaN(q) || Double.isNaN(effect)) {
      return NOT_TESTED;
    }
    if (presenceAuroc < presenceGate) {
      return NOT_ENCODED;
    }
    if (q <= alpha && effect >= minEffect) {
      return role == Role.CONFOUNDER ? SHORTCUT_RISK : USES_CLINICAL_SIGNAL;
    }
    return ENCODED_NOT_USED;
  }

  /** One plain-English sentence for the report. */
  public String explanation() {
    return explanation;
  }
}
