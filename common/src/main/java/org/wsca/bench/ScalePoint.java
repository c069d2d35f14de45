package org.wsca.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One size of the scale benchmark: rows x dimension x sites, audited with B permutations. */
public record ScalePoint(long rows, int dimension, int sites, int permutations) {
  private static final Pattern FORMAT = Pattern.compile("(\\d+)x(\\d+)x(\\d+)x(\\d+)");

  public ScalePoint {
    if (rows < 1000 || dimension < 2 || sites < 1 || permutations < 19) {
      throw new IllegalArgumentException(
          "Scale point "
              + rows
              + "x"
              + dimension
              + "x"
              + sites
              + "x"
              + permutations
              + " is too small: use at least 1000 rows, 2 dimensions, 1 site"
              + " and 19 permutations");
    }
  }

  /** Parses ROWSxDIMxSITESxB, e.g. 1000000x512x20x19. */
  public static ScalePoint parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Scale point '" + text + "' is not ROWSxDIMxSITESxB," + " e.g. 1000000x512x20x19");
    }
    return new ScalePoint(
        Long.parseLong(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)));
  }

  public String label() {
    return rows + "x" + dimension + "x" + sites + "x" + permutations;
  }
}
