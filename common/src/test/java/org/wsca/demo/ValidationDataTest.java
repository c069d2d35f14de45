package org.wsca.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The validation generator's truth, checked on its pure rows without Spark: the supplied head's
 * logit shifts by the named sd within (label, site) cells for each grid column and not at all for
 * the other columns, and the design (patients, sites, label association) is as documented.
 *
 * <p>The shift is computed here independently of {@code ShiftStatistic}: per cell the difference of
 * mean logits between class-b and class-a rows, Mantel-Haenszel weighted, over the pooled
 * within-cell sd. With 60,000 images in 15,000 patients the estimator's standard error is at most 2
 * / sqrt(15,000) = 0.016 sd (per-patient columns: a patient's mean logit varies at most as much as
 * one image's); the tolerance 0.06 is 3.7 standard errors, so each of the 10 comparisons fails with
 * probability below 2.2e-4 (normal tails) when the generator is right, all 10 below 2.2e-3, and the
 * seed is fixed, so the test is deterministic.
 */
class ValidationDataTest {
  private static final int ROWS = 60_000;
  private static final double TOLERANCE = 0.06;

  @Test
  void realisedShiftOfEachColumnMatchesItsGamma() {
    ValidationData data =
        new ValidationData(ROWS, 4, 64, 3, 42, ValidationData.Strengths.defaults());
    double[] w = data.logitWeights();
    double[] shifts = shifts(data, w);
    List<String> columns = ValidationData.metadataColumns();
    for (int c = 0; c < columns.size(); c++) {
      if (c == 4) {
        continue; // scanner_site is the site: no within-cell contrast exists.
      }
      double expected = c < 5 ? 0.0 : ValidationData.SHIFTS[c - 5];
      assertThat(shifts[c]).as(columns.get(c)).isCloseTo(expected, within(TOLERANCE));
    }
  }

  @Test
  void gammasSolveTheShiftEquationsExactly() {
    ValidationData data = new ValidationData(400, 4, 64, 3, 7, ValidationData.Strengths.defaults());
    double[] g = data.gammas();
    // S^2 = V (1 + sum gamma^2) + sum (3 gamma)^2 / 4 with V = 2; shift_k = 3 gamma_k / S.
    double sumG2 = 0;
    for (double x : g) {
      sumG2 += x * x;
    }
    double s = Math.sqrt(2 * (1 + sumG2) + 9 * sumG2 / 4);
    for (int k = 0; k < g.length; k++) {
      assertThat(3 * g[k] / s).isCloseTo(ValidationData.SHIFTS[k], within(1e-12));
    }
  }

  @Test
  void patientsHaveKImagesInOneSiteWithOneLabel() {
    ValidationData data =
        new ValidationData(4000, 8, 64, 3, 3, ValidationData.Strengths.defaults());
    Map<String, String> patientCell = new HashMap<>();
    Map<String, Integer> images = new HashMap<>();
    Set<Integer> noiseImageWithinPatient = new HashSet<>();
    long labelAssociated = 0;
    long pos = 0;
    for (long i = 0; i < data.rows(); i++) {
      ValidationData.Image im = data.row(i);
      String cell = im.site() + "|" + im.label() + "|" + im.metadata()[1] + "|" + im.metadata()[5];
      assertThat(patientCell.putIfAbsent(im.patientId(), cell)).isIn(null, cell);
      images.merge(im.patientId(), 1, Integer::sum);
      assertThat(im.metadata()[4]).isEqualTo(im.site());
      if (i % 8 == 0) {
        noiseImageWithinPatient.clear();
      }
      noiseImageWithinPatient.add(im.metadata()[0]);
      if (im.label() == 1) {
        pos++;
        labelAssociated += im.metadata()[3];
      }
    }
    assertThat(images.values()).containsOnly(8);
    // P(encoded_label = b | pos) = 0.8; 1000 patients of which ~500 pos, sd of the share 0.018.
    assertThat((double) labelAssociated / pos).isCloseTo(0.8, within(0.08));
  }

  /** MH-weighted within-(label, site) shift of the logit per column, in pooled within-cell sd. */
  private static double[] shifts(ValidationData data, double[] w) {
    int columns = ValidationData.metadataColumns().size();
    // Per cell (site, label): n, sum, sum of squares; per column and class: n, sum.
    Map<Integer, double[]> cells = new HashMap<>();
    Map<Integer, double[][]> byClass = new HashMap<>();
    for (long i = 0; i < data.rows(); i++) {
      ValidationData.Image im = data.row(i);
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * im.embedding()[j];
      }
      int cell = im.site() * 2 + im.label();
      double[] m = cells.computeIfAbsent(cell, k -> new double[3]);
      m[0]++;
      m[1] += s;
      m[2] += s * s;
      double[][] k = byClass.computeIfAbsent(cell, x -> new double[columns][4]);
      for (int c = 0; c < columns; c++) {
        int v = im.metadata()[c] == 0 ? 0 : 1;
        k[c][2 * v]++;
        k[c][2 * v + 1] += s;
      }
    }
    double squares = 0;
    double freedom = 0;
    for (double[] m : cells.values()) {
      squares += m[2] - m[1] * m[1] / m[0];
      freedom += m[0] - 1;
    }
    double sd = Math.sqrt(squares / freedom);
    double[] out = new double[columns];
    for (int c = 0; c < columns; c++) {
      double num = 0;
      double den = 0;
      for (double[][] k : byClass.values()) {
        double n0 = k[c][0];
        double n1 = k[c][2];
        if (n0 == 0 || n1 == 0) {
          continue;
        }
        double weight = n0 * n1 / (n0 + n1);
        num += weight * (k[c][3] / n1 - k[c][1] / n0);
        den += weight;
      }
      out[c] = den == 0 ? Double.NaN : num / den / sd;
    }
    return out;
  }
}
