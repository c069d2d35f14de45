package org.wsca.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One head fitted by the batched solver on in-memory rows, as the engine fits permutation 0. */
final class ReferenceFit {
  private ReferenceFit() {}

  /** The converged head of {@code labels} (asserted converged), in raw coordinates. */
  static LinearHead batched(
      double[][] features, int[] labels, int classes, double lambda, int maxIter) {
    HeadShape shape = new HeadShape(features[0].length, classes);
    FeatureMoments moments = new FeatureMoments();
    for (double[] row : features) {
      moments.add(row);
    }
    Standardizer standardizer = moments.conditioned(lambda);
    List<RowBlock> blocks = new ArrayList<>();
    RowBlock.Builder builder = RowBlock.builder(shape.dimension(), 100);
    int first = 0;
    for (int i = 0; i < features.length; i++) {
      builder.add(features[i], standardizer, 0, i);
      if (builder.isFull() || i == features.length - 1) {
        RowBlock block = builder.build();
        int[] column = Arrays.copyOfRange(labels, first, first + block.rows());
        blocks.add(block.withLabels(column, 1));
        first += block.rows();
      }
    }
    long[] counts = new long[classes];
    for (int label : labels) {
      counts[label]++;
    }
    BlockObjective objective =
        new BlockObjective(
            blocks, new PenalisedLoss(shape, standardizer.penaltyWeights(lambda), features.length));
    HeadSolution solution =
        new BatchLbfgs(BatchLbfgs.Options.mllib(maxIter, 1e-10))
            .minimize(objective, new double[][] {shape.start(counts)}, p -> {})
            .get(0);
    assertThat(solution.converged()).as("the batched head converged").isTrue();
    return standardizer.toRaw(shape, solution.point());
  }
}
