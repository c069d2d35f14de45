package org.wsca.report;

import java.util.Base64;

/**
 * One rendered figure: its file name under {@code figures/}, a title and a caption (both may hold
 * data, so they are escaped where the page uses them), the section it belongs to, and the PNG
 * bytes.
 */
record Figure(Section section, String fileName, String title, String caption, byte[] png) {

  /** Where a figure appears in the page. */
  enum Section {
    HEAT_MAP,
    PRESENCE_USE,
    FOREST,
    NULL_DISTRIBUTION,
    TREND
  }

  String dataUri() {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
