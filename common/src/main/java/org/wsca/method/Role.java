package org.wsca.method;

/** Whether a metadata task may legitimately drive the decision (docs/method.md section 3). */
public enum Role {
  /** Scanner, site, acquisition settings: alignment with it is a shortcut risk. */
  CONFOUNDER,
  /** A factor that may legitimately drive the decision, such as cervical length. */
  CLINICAL
}
