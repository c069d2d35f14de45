package org.wsca.input;

/**
 * Column names of the validated input, whatever the user's names were. Everything after {@link
 * InputReader} reads only these.
 */
public final class Canonical {
  public static final String SAMPLE_ID = "sample_id";
  public static final String SITE = "site";

  /** The embedding as array&lt;double&gt;. */
  public static final String EMBEDDING = "x";

  public static final String LABEL = "label";
  public static final String PATIENT_ID = "patient_id";
  public static final String SPLIT = "split";
  public static final String SOURCE_FILE = "source_file";
  public static final String REJECT_REASON = "reject_reason";
  public static final String IS_TEST = "is_test";

  private Canonical() {}

  /** The column of metadata task {@code name}: string classes, or double for continuous tasks. */
  public static String metadata(String name) {
    return "m_" + name;
  }
}
