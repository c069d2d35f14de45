package org.wsca.dependence;

/**
 * Prints the rejection rate of the decision-dependence test (p <= 0.05) and of the use rule (p <=
 * 0.05 and D >= the minimum shift) over a grid of true shifts, for the validation table of
 * docs/method.md section 11. A measurement, not a test: {@code java ... PowerMeasurement replicates
 * B minShift}.
 */
final class PowerMeasurement {
  private PowerMeasurement() {}

  public static void main(String[] args) {
    int replicates = Integer.parseInt(args[0]);
    int permutations = Integer.parseInt(args[1]);
    double minShift = Double.parseDouble(args[2]);
    double alpha = 0.05;
    for (double association : new double[] {0.0, 0.6}) {
      for (double shift : new double[] {0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 1.0}) {
        for (int rows : new int[] {720, 240}) {
          Simulated sim = new Simulated(rows, 4, rows == 720 ? 3 : 1, 3, 4, association, shift);
          int significant = 0;
          int used = 0;
          for (int r = 0; r < replicates; r++) {
            long seed = 1000L * r + 17;
            DependenceResult result =
                DependenceResult.of(
                    new ShiftStatistic(sim.draw(seed), 3),
                    permutations,
                    new RowPermuter(seed, "task", "pooled"));
            significant += result.p() <= alpha ? 1 : 0;
            used += result.p() <= alpha && result.d() >= minShift ? 1 : 0;
          }
          System.out.printf(
              "association %.1f shift %.2f rows %d: significant %.3f, use rule %.3f (%d data sets)%n",
              association,
              shift,
              rows,
              (double) significant / replicates,
              (double) used / replicates,
              replicates);
        }
      }
    }
  }
}
