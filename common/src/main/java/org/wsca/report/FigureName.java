package org.wsca.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * File names of figures. Task, scope and site names are user data: a site named {@code ../x} or
 * {@code a/b} must not steer where a file goes. The name is a readable slug of lower-case letters,
 * digits and dashes, plus a short hash of the exact parts, so that two names that slug alike
 * ({@code a/b} and {@code a_b}) still get different files.
 */
final class FigureName {
  private static final int MAX_SLUG = 60;

  private FigureName() {}

  /** {@code <kind>-<slug of parts>-<8 hex digits>.png}. */
  static String of(String kind, String... parts) {
    String joined = String.join("\u0000", parts);
    StringBuilder slug = new StringBuilder(slug(kind));
    for (String part : parts) {
      String s = slug(part);
      if (!s.isEmpty()) {
        slug.append('-').append(s);
      }
    }
    String readable = slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG) : slug.toString();
    return readable + "-" + shortHash(kind + "\u0000" + joined) + ".png";
  }

  static String slug(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
        out.append('-');
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return out.substring(0, end);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
