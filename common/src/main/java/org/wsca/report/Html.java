package org.wsca.report;

import java.util.Locale;

/** HTML escaping and number formatting; every string taken from data goes through here. */
final class Html {
  private Html() {}

  /** Escapes text for element content and double- or single-quoted attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Three decimals, or a dash for a value that was not computed. */
  static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** A signed change with three decimals. */
  static String signed(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.3f", value);
  }
}
