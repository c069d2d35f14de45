package org.wsca.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small logistic data sets built in code with a fixed seed: features with offsets and unequal
 * scales (so standardisation matters), labels drawn from a softmax model.
 */
final class Synthetic {
  final double[][] x;
  final int[] y;
  final int classes;

  private Synthetic(double[][] x, int[] y, int classes) {
    this.x = x;
    this.y = y;
    this.classes = classes;
  }

  static Synthetic draw(long seed, int n, int d, int classes) {
    Random random = new Random(seed);
    double[][] truth = new double[classes][d];
    for (double[] row : truth) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[][] x = new double[n][d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double[] standard = new double[d];
      for (int j = 0; j < d; j++) {
        standard[j] = random.nextGaussian();
        x[i][j] = 3.0 * j - 2.0 + (0.5 + j) * standard[j];
      }
      y[i] = sample(random, truth, standard);
    }
    return new Synthetic(x, y, classes);
  }

  private static int sample(Random random, double[][] truth, double[] standard) {
    double[] p = new double[truth.length];
    double sum = 0.0;
    for (int c = 0; c < truth.length; c++) {
      double z = 0.0;
      for (int j = 0; j < standard.length; j++) {
        z += truth[c][j] * standard[j];
      }
      p[c] = Math.exp(z);
      sum += p[c];
    }
    double u = random.nextDouble() * sum;
    for (int c = 0; c < p.length - 1; c++) {
      u -= p[c];
      if (u < 0) {
        return c;
      }
    }
    return p.length - 1;
  }

  HeadShape shape() {
    return new HeadShape(x[0].length, classes);
  }

  Standardizer standardizer() {
    FeatureMoments moments = new FeatureMoments();
    for (double[] row : x) {
      moments.add(row);
    }
    return moments.standardizer();
  }

  long[] classCounts(int[] labels) {
    long[] counts = new long[classes];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** Blocks of at most {@code capacity} rows, all in one stratum, labelled by label columns. */
  List<RowBlock> blocks(Standardizer standardizer, int capacity, int[][] labelColumns) {
    List<RowBlock> blocks = new ArrayList<>();
    RowBlock.Builder builder = RowBlock.builder(x[0].length, capacity);
    List<Integer> starts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < x.length; i++) {
      builder.add(x[i], standardizer, 0, i);
      if (builder.isFull() || i == x.length - 1) {
        blocks.add(builder.build());
        starts.add(start);
        start = i + 1;
      }
    }
    List<RowBlock> labelled = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      RowBlock block = blocks.get(b);
      int[] matrix = new int[block.rows() * labelColumns.length];
      for (int r = 0; r < block.rows(); r++) {
        for (int h = 0; h < labelColumns.length; h++) {
          matrix[r * labelColumns.length + h] = labelColumns[h][starts.get(b) + r];
        }
      }
      labelled.add(block.withLabels(matrix, labelColumns.length));
    }
    return labelled;
  }

  /** The labels shuffled with a fixed seed: a second, different label column. */
  int[] shuffled(long seed) {
    int[] out = y.clone();
    Random random = new Random(seed);
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = out[i];
      out[i] = out[j];
      out[j] = swap;
    }
    return out;
  }

  BlockObjective objective(double lambda, int capacity, int[][] labelColumns) {
    Standardizer standardizer = standardizer();
    return new BlockObjective(
        blocks(standardizer, capacity, labelColumns),
        new PenalisedLoss(shape(), standardizer.penaltyWeights(lambda), x.length));
  }
}
