package org.wsca.dependence;

/** Prints rejection rates of the decision-dependence test (a measurement, not a test). */
final class PowerMeasurement {
  public static void main(String[] args) {
    int replicates = Integer.parseInt(args[0]);
    int permutations = Integer.parseInt(args[1]);
    double alpha = 0.05;
    for (double association : new double[] {0.0, 0.6}) {
      for (double shift : new double[] {0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.0}) {
        for (int rows : new int[] {720, 240}) {
          Simulated sim = new Simulated(rows, 4, rows == 720 ? 3 : 1, 3, 4, association, shift);
          int rejected = 0;
          for (int r = 0; r < replicates; r++) {
            rejected += sim.pValue(1000L * r + 17, permutations) <= alpha ? 1 : 0;
          }
          System.out.printf(
              "association %.1f shift %.2f rows %d: rejected %d/%d = %.3f%n",
              association, shift, rows, rejected, replicates, (double) rejected / replicates);
        }
      }
    }
  }
}
