package org.wsca.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * H independent L-BFGS optimisations run in lockstep on the driver: each pass evaluates the point
 * every still-active head proposes (a line-search trial or a new step) with one call of a {@link
 * BatchObjective}, so the cost of a pass over the data is shared by all heads. A head leaves the
 * batch once it stops; heads that stop for any reason other than convergence are reported as such,
 * never hidden.
 *
 * <p>Convergence is MLlib's own test (breeze's {@code defaultConvergenceCheck} with MLlib's
 * settings: memory 10, relative tolerance, function-value window 20), in the same scaled
 * coordinates, so a head counts as converged exactly when MLlib would have stopped there:
 *
 * <ul>
 *   <li>||grad f_k|| <= max(tol |f_k|, 1e-8), or
 *   <li>|f_k - max(f_{k-19}, ..., f_k)| <= tol |f_0| (needs 20 steps).
 * </ul>
 *
 * It is at least as strict as MLlib's: breeze stops "converged" when its line search fails and
 * MLlib then reports convergence if fewer than maxIter steps were taken; here a failed line search
 * counts as not converged, as does reaching maxIter steps or the cap on passes.
 */
public final class BatchLbfgs {
  private final Options options;

  public BatchLbfgs(Options options) {
    this.options = options;
  }

  /**
   * @param memory curvature pairs kept per head (MLlib: 10)
   * @param maxIterations L-BFGS steps per head (MLlib's maxIter)
   * @param maxPasses evaluations of the batch in all (each line-search trial costs one)
   * @param tolerance MLlib's tol
   */
  public record Options(int memory, int maxIterations, int maxPasses, double tolerance) {
    public Options {
      if (memory < 1 || maxIterations < 0 || maxPasses < 1 || !(tolerance >= 0.0)) {
        throw new IllegalArgumentException(
            "L-BFGS needs memory >= 1, maxIterations >= 0,"
                + " maxPasses >= 1 and tolerance >= 0; got "
                + memory
                + ", "
                + maxIterations
                + ", "
                + maxPasses
                + ", "
                + tolerance);
      }
    }

    /** MLlib's settings; passes capped at 3 maxIter + 1 (the start costs one). */
    public static Options mllib(int maxIter, double tol) {
      return new Options(10, maxIter, 3 * maxIter + 1, tol);
    }
  }

  /** After each pass: heads finished of all heads, and the largest step count reached. */
  public record Progress(int pass, int finished, int heads, int iteration) {}

  public interface Listener {
    void passDone(Progress progress);
  }

  public List<HeadSolution> minimize(
      BatchObjective objective, double[][] starts, Listener listener) {
    List<LbfgsHead> heads = new ArrayList<>();
    for (double[] start : starts) {
      heads.add(new LbfgsHead(start, options));
    }
    for (int pass = 1; pass <= options.maxPasses(); pass++) {
      int[] active = active(heads);
      if (active.length == 0) {
        break;
      }
      Evaluations evaluations = objective.evaluate(active, proposals(heads, active));
      for (int a = 0; a < active.length; a++) {
        heads.get(active[a]).tell(evaluations.values()[a], evaluations.gradients()[a]);
      }
      listener.passDone(progress(pass, heads));
    }
    List<HeadSolution> solutions = new ArrayList<>();
    for (LbfgsHead head : heads) {
      if (head.active()) {
        head.stop(HeadStatus.EVALUATION_CAP);
      }
      solutions.add(head.solution());
    }
    return solutions;
  }

  private static int[] active(List<LbfgsHead> heads) {
    return java.util.stream.IntStream.range(0, heads.size())
        .filter(h -> heads.get(h).active())
        .toArray();
  }

  private static double[][] proposals(List<LbfgsHead> heads, int[] active) {
    double[][] points = new double[active.length][];
    for (int a = 0; a < active.length; a++) {
      points[a] = heads.get(active[a]).proposal();
    }
    return points;
  }

  private static Progress progress(int pass, List<LbfgsHead> heads) {
    int finished = 0;
    int iteration = 0;
    for (LbfgsHead head : heads) {
      finished += head.active() ? 0 : 1;
      iteration = Math.max(iteration, head.iterations());
    }
    return new Progress(pass, finished, heads.size(), iteration);
  }
}
