package org.wsca.demo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Embeddings shaped like a trained network's last ReLU layer, for validating the heads where the
 * well-conditioned Gaussian {@link DemoData} cannot: a random 2-layer ReLU map of latent factors
 * (the label, a scanner artifact, the site and heavy-tailed noise) whose output units are
 *
 * <ul>
 *   <li><b>dead</b>: always 0 (sd 0), so the rank is below d;
 *   <li><b>near-dead</b>: non-zero in about 0.003-0.3 % of rows with small amplitude (sd about 1e-4
 *       to 3e-2), as ReLU units of real networks often are;
 *   <li><b>alive</b>: active in 15-85 % of rows, scales spread over about two orders of magnitude
 *       (largest sd about 4), heavy-tailed through Student-t (3 df) latent noise.
 * </ul>
 *
 * Each row draws from its own seeded stream ({@link #row}), so the data do not depend on how rows
 * are split into partitions. The scanner mostly follows the site ({@code siteScanner} of a site's
 * rows carry its own scanner), the label is independent of both, and {@code noise} is a binary task
 * independent of everything (nothing to find).
 */
public final class ReluEmbeddings implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CALIBRATION_ROWS = 20_000;

  /**
   * Shape of the generator; {@link #defaults()} is a 64-d layer with 7 dead and 8 near-dead units.
   */
  public record Shape(
      int dimension,
      int latent,
      int hidden,
      int dead,
      int nearDead,
      int classes,
      int scanners,
      int sites,
      double siteScanner)
      implements Serializable {
    public Shape {
      if (dead + nearDead >= dimension) {
        throw new IllegalArgumentException(
            dead + " dead and " + nearDead + " near-dead units leave no live unit of " + dimension);
      }
      if (scanners > sites) {
        throw new IllegalArgumentException(
            scanners + " scanners need at least as many sites, got " + sites);
      }
    }

    public static Shape defaults() {
      return new Shape(64, 12, 32, 7, 8, 4, 3, 3, 0.8);
    }
  }

  /** One image: its site, label, scanner, noise task and embedding. */
  public record Row(long index, int site, int label, int scanner, int noise, double[] embedding)
      implements Serializable {}

  private final Shape shape;
  private final long seed;
  private final double[][] labelMeans;
  private final double[][] scannerMeans;
  private final double[][] siteMeans;
  private final double[][] first;
  private final double[] firstBias;
  private final double[][] second;
  private final double[] offset;
  private final double[] spread;
  private final double[] gain;

  private ReluEmbeddings(Shape shape, long seed) {
    this.shape = shape;
    this.seed = seed;
    SplittableRandom rng = new SplittableRandom(DemoData.mix(seed, 0, 11));
    int r = shape.latent();
    labelMeans = gaussian(rng, shape.classes(), r, 1.2);
    scannerMeans = gaussian(rng, shape.scanners(), r, 1.0);
    siteMeans = gaussian(rng, shape.sites(), r, 0.5);
    first = gaussian(rng, shape.hidden(), r, 1.0 / Math.sqrt(r));
    firstBias = gaussian(rng, 1, shape.hidden(), 0.5)[0];
    second = gaussian(rng, shape.dimension(), shape.hidden(), 1.0 / Math.sqrt(shape.hidden()));
    offset = new double[shape.dimension()];
    spread = new double[shape.dimension()];
    gain = new double[shape.dimension()];
    calibrate(rng);
  }

  public static ReluEmbeddings of(Shape shape, long seed) {
    return new ReluEmbeddings(shape, seed);
  }

  public Shape shape() {
    return shape;
  }

  /** Rows 0..n-1. */
  public List<Row> rows(int n) {
    List<Row> out = new ArrayList<>(n);
    for (long i = 0; i < n; i++) {
      out.add(row(i));
    }
    return out;
  }

  /** Row i, from its own stream. */
  public Row row(long i) {
    SplittableRandom rng = new SplittableRandom(DemoData.mix(seed, i, 12));
    int site = rng.nextInt(shape.sites());
    int scanner =
        rng.nextDouble() < shape.siteScanner()
            ? site % shape.scanners()
            : rng.nextInt(shape.scanners());
    int label = rng.nextInt(shape.classes());
    int noise = rng.nextInt(2);
    return new Row(i, site, label, scanner, noise, embed(pre(latent(rng, label, scanner, site))));
  }

  private double[] latent(SplittableRandom rng, int label, int scanner, int site) {
    double[] z = new double[shape.latent()];
    for (int k = 0; k < z.length; k++) {
      z[k] = labelMeans[label][k] + scannerMeans[scanner][k] + siteMeans[site][k] + studentT3(rng);
    }
    return z;
  }

  /** Second-layer pre-activations of a latent vector. */
  private double[] pre(double[] z) {
    double[] h = new double[shape.hidden()];
    for (int m = 0; m < h.length; m++) {
      double v = firstBias[m];
      for (int k = 0; k < z.length; k++) {
        v += first[m][k] * z[k];
      }
      h[m] = Math.max(v, 0.0);
    }
    double[] out = new double[shape.dimension()];
    for (int j = 0; j < out.length; j++) {
      double v = 0.0;
      for (int m = 0; m < h.length; m++) {
        v += second[j][m] * h[m];
      }
      out[j] = v;
    }
    return out;
  }

  private double[] embed(double[] pre) {
    double[] x = new double[pre.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = gain[j] * Math.max(pre[j] / spread[j] - offset[j], 0.0);
    }
    return x;
  }

  /**
   * Fixes each unit's threshold and gain from a calibration sample of pre-activations (its own
   * stream): dead units get an unreachable threshold, near-dead units one that a target share of
   * 3e-5..3e-3 rows exceeds, live units a threshold within one sd of the mean.
   */
  private void calibrate(SplittableRandom rng) {
    int d = shape.dimension();
    double[][] sample = new double[d][CALIBRATION_ROWS];
    SplittableRandom draws = new SplittableRandom(DemoData.mix(seed, 1, 13));
    for (int i = 0; i < CALIBRATION_ROWS; i++) {
      int site = draws.nextInt(shape.sites());
      double[] pre =
          pre(latent(draws, draws.nextInt(shape.classes()), site % shape.scanners(), site));
      for (int j = 0; j < d; j++) {
        sample[j][i] = pre[j];
      }
    }
    for (int j = 0; j < d; j++) {
      spread[j] = sd(sample[j]);
      double[] sorted = sample[j].clone();
      java.util.Arrays.sort(sorted);
      if (j < shape.dead()) {
        offset[j] = Double.POSITIVE_INFINITY;
        gain[j] = 1.0;
      } else if (j < shape.dead() + shape.nearDead()) {
        double share = Math.pow(10, -4.5 + 2.0 * rng.nextDouble());
        int at = (int) Math.min(CALIBRATION_ROWS - 1, Math.floor((1 - share) * CALIBRATION_ROWS));
        offset[j] = sorted[at] / spread[j];
        gain[j] = Math.pow(10, -1.5 + 1.5 * rng.nextDouble());
      } else {
        offset[j] = mean(sample[j]) / spread[j] + (2.0 * rng.nextDouble() - 1.0);
        gain[j] = 6.0 * Math.exp(-4.5 * rng.nextDouble());
      }
    }
  }

  private static double studentT3(SplittableRandom rng) {
    double chi = 0.0;
    for (int k = 0; k < 3; k++) {
      double g = rng.nextGaussian();
      chi += g * g;
    }
    return rng.nextGaussian() / Math.sqrt(chi / 3.0);
  }

  private static double[][] gaussian(SplittableRandom rng, int rows, int columns, double sd) {
    double[][] out = new double[rows][columns];
    for (double[] row : out) {
      for (int k = 0; k < columns; k++) {
        row[k] = sd * rng.nextGaussian();
      }
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0.0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double sd(double[] v) {
    double m = mean(v);
    double s = 0.0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
