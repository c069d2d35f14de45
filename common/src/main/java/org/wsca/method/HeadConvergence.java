package org.wsca.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Converged heads, or no verdict (docs/method.md section 3): a test whose clinical probe (when it
 * is the primary head), reported head or permutation-0 head did not converge, or whose null has
 * more than {@code maxNonConvergedShare} non-converged heads, is not tested, because its T and p
 * would describe where the optimiser stopped rather than the embedding.
 */
public final class HeadConvergence {
  /** Every reason starts with this, so summaries can single these tests out. */
  public static final String PREFIX = "heads did not converge: ";

  private HeadConvergence() {}

  /**
   * The skip reason, naming each cause and the fix, or empty when the test may stand.
   *
   * @param primaryConverged the primary head converged (a supplied head always has)
   * @param reportedConverged the reported (MLlib) head of the task converged
   * @param nulls the null, with permutation 0's convergence when the engine fitted it
   */
  public static Optional<String> problem(
      boolean primaryConverged,
      boolean reportedConverged,
      NullDistribution nulls,
      int maxIter,
      double maxNonConvergedShare) {
    List<String> causes = new ArrayList<>();
    if (!primaryConverged) {
      causes.add(
          "the clinical probe (the primary head, MLlib) stopped at wsca.heads.max-iter = "
              + maxIter
              + " iterations, so it is not the decision the test is about");
    }
    if (!reportedConverged) {
      causes.add(
          "the task's reported head (MLlib) stopped at wsca.heads.max-iter = "
              + maxIter
              + " iterations");
    }
    if (nulls.hasObserved() && !nulls.observedConverged()) {
      causes.add("the observed labels' head in the permutation pass (permutation 0) did not");
    }
    if (nulls.nonConvergedShare() > maxNonConvergedShare) {
      causes.add(
          String.format(
              Locale.ROOT,
              "%d of %d permuted heads (%.1f%%) did not, more than"
                  + " wsca.heads.max-nonconverged-share = %s",
              nulls.nonConverged(),
              nulls.permutations(),
              100.0 * nulls.nonConvergedShare(),
              maxNonConvergedShare));
    }
    if (causes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        PREFIX
            + String.join("; ", causes)
            + ". T and p would describe where the optimiser stopped, not the embedding. Fix:"
            + " raise wsca.heads.max-iter (now "
            + maxIter
            + "), or a larger wsca.heads.reg-param makes the heads easier to fit");
  }

  /** True for a skip reason written by {@link #problem}. */
  public static boolean isConvergenceSkip(String skipReason) {
    return skipReason != null && skipReason.startsWith(PREFIX);
  }
}
