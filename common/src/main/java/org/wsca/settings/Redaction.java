package org.wsca.settings;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Hides secrets before configuration is logged or recorded (the manifest). A key that names a
 * password, secret, token, credential or key has its value replaced; so has the user:password part
 * of a URL in any value (s3a://id:secret@bucket). Over-redacting a harmless key such as
 * spark.ssl.keyStore is the price of never writing a secret.
 */
public final class Redaction {
  public static final String REDACTED = "*********(redacted)";
  private static final Pattern SECRET_KEY =
      Pattern.compile("password|secret|token|credential|key", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

  private Redaction() {}

  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).find();
  }

  /** The value as it may be shown for {@code key}. */
  public static String redact(String key, String value) {
    if (value == null) {
      return null;
    }
    if (isSecretKey(key)) {
      return REDACTED;
    }
    return URL_USER_INFO.matcher(value).replaceAll(REDACTED + "@");
  }

  /** A sorted copy of {@code conf} with every secret hidden. */
  public static Map<String, String> redact(Map<String, String> conf) {
    Map<String, String> out = new TreeMap<>();
    conf.forEach((k, v) -> out.put(k, redact(k, v)));
    return out;
  }
}
