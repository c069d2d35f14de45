package org.wsca.bench;

import java.util.Optional;

/**
 * The benchmark's targets (on 2 cores with native OpenBLAS): at n = 100,000, d = 256, C = 4 the
 * engine is at least 30 times faster per head than the loop and reaches at least 50 % of the dgemm
 * speed (issue 14); everywhere else at least 30 % (issue 3).
 */
public final class Targets {
  public static final GridPoint RATIO_POINT = new GridPoint(100_000, 256, 4);
  public static final double MIN_RATIO = 30.0;
  public static final double MIN_GFLOPS_FRACTION = 0.3;
  public static final double MIN_GFLOPS_FRACTION_AT_RATIO_POINT = 0.5;

  private Targets() {}

  /** Whether the speed-up target is met; empty at points it does not apply to. */
  public static Optional<Boolean> ratioMet(PointResult r) {
    return r.point().equals(RATIO_POINT) ? Optional.of(r.ratio() >= MIN_RATIO) : Optional.empty();
  }

  public static boolean gflopsMet(PointResult r) {
    return r.gflopsFraction() >= minGflopsFraction(r);
  }

  /** The fraction of the dgemm speed the engine must reach at r's point. */
  public static double minGflopsFraction(PointResult r) {
    return r.point().equals(RATIO_POINT) ? MIN_GFLOPS_FRACTION_AT_RATIO_POINT : MIN_GFLOPS_FRACTION;
  }
}
