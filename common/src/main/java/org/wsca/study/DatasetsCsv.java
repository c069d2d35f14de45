package org.wsca.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-data-set table, {@code datasets.csv}: written after every data set and read back when
 * studies run in parts (different seeds, machines or nights) are merged.
 */
public final class DatasetsCsv {
  static final String HEADER =
      "scenario,strata,dataset,seed,p,t,presence_auroc,null_nonconverged,skip_reason";

  private DatasetsCsv() {}

  public static String write(List<DatasetOutcome> outcomes) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (DatasetOutcome o : outcomes) {
      b.append(
              String.join(
                  ",",
                  o.scenario(),
                  o.strata(),
                  Integer.toString(o.dataset()),
                  Long.toString(o.seed()),
                  number(o.p()),
                  number(o.t()),
                  number(o.presenceAuroc()),
                  Integer.toString(o.nullNonConverged()),
                  o.skipReason() == null ? "" : field(o.skipReason())))
          .append('\n');
    }
    return b.toString();
  }

  /** The rows of a table {@link #write} produced; {@code source} names it in errors. */
  public static List<DatasetOutcome> parse(String text, String source) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(
          source
              + " is not a calibration datasets.csv: its"
              + " first line should be '"
              + HEADER
              + "'");
    }
    List<DatasetOutcome> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> f = fields(lines.get(i));
      try {
        if (f.size() != 9) {
          throw new IllegalArgumentException("has " + f.size() + " fields, not 9");
        }
        out.add(
            new DatasetOutcome(
                f.get(0),
                f.get(1),
                Integer.parseInt(f.get(2)),
                Long.parseLong(f.get(3)),
                number(f.get(4)),
                number(f.get(5)),
                number(f.get(6)),
                Integer.parseInt(f.get(7)),
                f.get(8).isEmpty() ? null : f.get(8)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source
                + " line "
                + (i + 1)
                + " ('"
                + lines.get(i)
                + "') "
                + e.getMessage()
                + "; it was not written by the calibration job",
            e);
      }
    }
    return out;
  }

  /** Comma-separated fields; a field in double quotes may hold commas and "" for a quote. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuotes && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cur.append('"');
        i++;
      } else if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == ',' && !inQuotes) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static double number(String v) {
    return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
  }

  /** A text field on one line, in double quotes when it holds a comma or a quote. */
  static String field(String v) {
    String oneLine = v.replace('\n', ' ').replace('\r', ' ');
    return oneLine.contains(",") || oneLine.contains("\"")
        ? "\"" + oneLine.replace("\"", "\"\"") + "\""
        : oneLine;
  }
}
