package org.wsca.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-data-set table, {@code datasets.csv}: written after every data set and read back when
 * studies run in parts (different seeds, machines or nights) are merged.
 */
public final class DatasetsCsv {
  /** The first version (issue 3), still read by --merge. */
  static final String HEADER_V1 =
      "scenario,strata,dataset,seed,p,t,presence_auroc,null_nonconverged,skip_reason";

  /** From issue 12: the verdict and the decision-dependence test. */
  static final String HEADER =
      HEADER_V1
          + ",verdict,dependence_shift_sd,dependence_p,dependence_q,family,dependence_skip_reason";

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
                  o.skipReason() == null ? "" : field(o.skipReason()),
                  o.verdict(),
                  number(o.dependenceShiftSd()),
                  number(o.dependenceP()),
                  number(o.dependenceQ()),
                  o.family(),
                  o.dependenceSkipReason() == null ? "" : field(o.dependenceSkipReason())))
          .append('\n');
    }
    return b.toString();
  }

  /** The rows of a table {@link #write} produced; {@code source} names it in errors. */
  public static List<DatasetOutcome> parse(String text, String source) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty() || !(lines.get(0).equals(HEADER) || lines.get(0).equals(HEADER_V1))) {
      throw new IllegalArgumentException(
          source
              + " is not a calibration datasets.csv: its"
              + " first line should be '"
              + HEADER
              + "'");
    }
    int width = lines.get(0).equals(HEADER) ? 15 : 9;
    List<DatasetOutcome> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> f = fields(lines.get(i));
      try {
        if (f.size() != width) {
          throw new IllegalArgumentException("has " + f.size() + " fields, not " + width);
        }
        DatasetOutcome o =
            new DatasetOutcome(
                f.get(0),
                f.get(1),
                Integer.parseInt(f.get(2)),
                Long.parseLong(f.get(3)),
                number(f.get(4)),
                number(f.get(5)),
                number(f.get(6)),
                Integer.parseInt(f.get(7)),
                f.get(8).isEmpty() ? null : f.get(8));
        out.add(width == 9 ? o : withVerdict(o, f));
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

  private static DatasetOutcome withVerdict(DatasetOutcome o, List<String> f) {
    return new DatasetOutcome(
        o.scenario(),
        o.strata(),
        o.dataset(),
        o.seed(),
        o.p(),
        o.t(),
        o.presenceAuroc(),
        o.nullNonConverged(),
        o.skipReason(),
        f.get(9),
        number(f.get(10)),
        number(f.get(11)),
        number(f.get(12)),
        f.get(13),
        f.get(14).isEmpty() ? null : f.get(14));
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
