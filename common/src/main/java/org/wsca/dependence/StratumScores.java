package org.wsca.dependence;

import java.io.Serializable;

/**
 * The held-out rows of one stratum (a (label, site) cell, or a label cell inside a site scope) as
 * the decision-dependence test reads them, in sample_id order: each row's metadata class and its
 * clinical scores, centred on the stratum's mean. Centring is all the statistic needs (see {@link
 * ShiftStatistic}), and it also removes the head's intercepts, so a supplied head without
 * intercepts gives the same test as with them.
 */
public final class StratumScores implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final int[] classes;
  private final double[][] centred;
  private final String[] patients;

  /**
   * @param classes the metadata class index of each row, rows in sample_id order
   * @param scores scores[c][i]: clinical score c (a primary direction) of row i
   */
  public StratumScores(String name, int[] classes, double[][] scores) {
    this(name, classes, scores, null);
  }

  /**
   * @param patients the patient of each row (sample_id order), for a permuter that moves whole
   *     patients; null when rows are the exchangeable units
   */
  public StratumScores(String name, int[] classes, double[][] scores, String[] patients) {
    if (patients != null && patients.length != classes.length) {
      throw new IllegalArgumentException(
          "Stratum "
              + name
              + " has "
              + classes.length
              + " rows but "
              + patients.length
              + " patients");
    }
    for (double[] column : scores) {
      if (column.length != classes.length) {
        throw new IllegalArgumentException(
            "Stratum "
                + name
                + " has "
                + classes.length
                + " rows but a score column of "
                + column.length);
      }
    }
    this.name = name;
    this.classes = classes.clone();
    this.centred = centre(scores);
    this.patients = patients == null ? null : patients.clone();
  }

  /** The patient of each row in sample_id order (a copy); empty when patients were not read. */
  public java.util.Optional<String[]> patients() {
    return java.util.Optional.ofNullable(patients).map(String[]::clone);
  }

  public String name() {
    return name;
  }

  public int rows() {
    return classes.length;
  }

  public int scores() {
    return centred.length;
  }

  /** The metadata classes in sample_id order (a copy). */
  public int[] classes() {
    return classes.clone();
  }

  int classAt(int row) {
    return classes[row];
  }

  double centred(int score, int row) {
    return centred[score][row];
  }

  /** Rows per metadata class. */
  public long[] classCounts(int numClasses) {
    long[] counts = new long[numClasses];
    for (int c : classes) {
      if (c < 0 || c >= numClasses) {
        throw new IllegalArgumentException(
            "Stratum " + name + " has metadata class " + c + "; expected 0.." + (numClasses - 1));
      }
      counts[c]++;
    }
    return counts;
  }

  /** True when at least two metadata classes occur here, so a permutation can move something. */
  public boolean varies() {
    for (int c : classes) {
      if (c != classes[0]) {
        return true;
      }
    }
    return false;
  }

  /** Sum over rows of the squared centred score c: the within-stratum sum of squares. */
  double sumOfSquares(int score) {
    double s = 0;
    for (double v : centred[score]) {
      s += v * v;
    }
    return s;
  }

  private static double[][] centre(double[][] scores) {
    double[][] out = new double[scores.length][];
    for (int c = 0; c < scores.length; c++) {
      double mean = 0;
      for (double v : scores[c]) {
        mean += v;
      }
      mean /= Math.max(1, scores[c].length);
      out[c] = new double[scores[c].length];
      for (int i = 0; i < scores[c].length; i++) {
        out[c][i] = scores[c][i] - mean;
      }
    }
    return out;
  }
}
