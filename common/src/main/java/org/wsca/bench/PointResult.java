package org.wsca.bench;

import org.wsca.engine.Work;

/**
 * What one grid point measured. Times are wall-clock times of a whole {@code fitNull} call (rows
 * prepared and cached, all heads fitted, T computed) divided by the heads it fitted.
 *
 * @param engineNanos the batched engine's fitNull over {@code engineB} permutations
 * @param loopNanos the MLlib loop's fitNull over {@code loopB} permutations
 * @param work the batched engine's passes and head-evaluations
 * @param dgemmGflops the engine's dgemm pair at m = B K on the driver (DgemmProbe)
 * @param loadBefore the system's 1-minute load average when the point started; loadAfter when it
 *     ended
 */
public record PointResult(
    GridPoint point,
    int engineB,
    int loopB,
    long engineNanos,
    long loopNanos,
    Work work,
    int engineNonConverged,
    int loopNonConverged,
    double dgemmGflops,
    String blas,
    double peakHeapMb,
    double loadBefore,
    double loadAfter) {

  public double engineMsPerHead() {
    return engineNanos / 1e6 / engineB;
  }

  public double loopMsPerHead() {
    return loopNanos / 1e6 / loopB;
  }

  /** How many times faster the engine fits one head than the loop. */
  public double ratio() {
    return loopMsPerHead() / engineMsPerHead();
  }

  /** Counted flops (4 n d K per head-evaluation) over the engine's whole time. */
  public double engineGflops() {
    return work.headEvaluations() * point.flopsPerHeadEvaluation() / engineNanos;
  }

  public double gflopsFraction() {
    return engineGflops() / dgemmGflops;
  }
}
