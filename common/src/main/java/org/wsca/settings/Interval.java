package org.wsca.settings;

/** An allowed range for a numeric setting; infinite values never pass. */
record Interval(double lo, boolean loClosed, double hi, boolean hiClosed) {

  static Interval atLeast(double lo) {
    return new Interval(lo, true, Double.POSITIVE_INFINITY, false);
  }

  static Interval above(double lo) {
    return new Interval(lo, false, Double.POSITIVE_INFINITY, false);
  }

  static Interval open(double lo, double hi) {
    return new Interval(lo, false, hi, false);
  }

  static Interval closed(double lo, double hi) {
    return new Interval(lo, true, hi, true);
  }

  static Interval openClosed(double lo, double hi) {
    return new Interval(lo, false, hi, true);
  }

  boolean contains(double x) {
    boolean aboveLo = loClosed ? x >= lo : x > lo;
    boolean belowHi = hiClosed ? x <= hi : x < hi;
    return Double.isFinite(x) && aboveLo && belowHi;
  }

  /** Reads as the end of "must be ...": {@code >= 19}, {@code in (0, 1]}. */
  String describe() {
    if (Double.isInfinite(hi)) {
      return (loClosed ? ">= " : "> ") + format(lo);
    }
    return "in " + (loClosed ? "[" : "(") + format(lo) + ", " + format(hi) + (hiClosed ? "]" : ")");
  }

  static String format(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
