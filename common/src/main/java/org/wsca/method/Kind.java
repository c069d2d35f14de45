package org.wsca.method;

/** How a metadata task's values are turned into classes (docs/method.md section 3). */
public enum Kind {
  /** Exactly two classes; the head is one direction, the log-odds of the second class. */
  BINARY,
  /** More than two classes; a multinomial head whose class vectors are centred. */
  CATEGORICAL,
  /** A number, quantile-binned on the scope's training rows, then treated as categorical. */
  CONTINUOUS
}
