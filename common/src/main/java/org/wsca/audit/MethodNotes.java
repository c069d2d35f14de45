package org.wsca.audit;

/**
 * Choices made where docs/method.md is silent, recorded in every manifest and in the README so a
 * reader of the results knows exactly what was computed.
 */
public final class MethodNotes {
  public static final String TEXT =
      String.join(
          "\n",
          "Class order: numeric when every value is a number, else lexicographic; a binary head is"
              + " the log-odds direction of the second class.",
          "Convergence: an MLlib head converged when L-BFGS stopped before heads.max-iter; a"
              + " batched head when breeze's test held (docs/method.md 3). MLlib heads start from"
              + " the batched head of the same labels; the batched solver works on centred"
              + " features divided by sqrt(sd^2 + 4 reg-param).",
          "Exactness: p compares T_0, permutation 0 (the observed labels) of the null's own"
              + " batched pass, with T_1..T_B; a permutation leaving every label in place records"
              + " T_0 itself. A test with a non-converged task head or permutation-0 head, or more"
              + " than heads.max-nonconverged-share non-converged permuted heads, is NOT_TESTED.",
          "Continuous tasks: exact quantiles of the scope's training rows; a value equal to an edge"
              + " falls in the lower bin; tied edges merge, so heavy ties give fewer bins.",
          "Classes: a task is tested in a scope only if it has >= 2 classes there and every class"
              + " has >= scopes.min-rows-per-class training rows; test rows of a class the training"
              + " rows never showed are left out of presence.",
          "Presence AUROC: Mann-Whitney with ties counted 1/2; macro one-vs-rest above two classes,"
              + " over classes present in the test rows.",
          "Permutation: labels permuted within strata (permutation.strata) over rows in sample_id"
              + " order, with Fisher-Yates driven by SplittableRandom seeded from a stable hash of"
              + " (seed, task, scope, stratum, b), b = 1..B.",
          "Null summary: sd with n-1; p95 by linear interpolation (numpy's default).",
          "Multiple testing: BH and Holm over every tested (metadata task x scope) of the run.",
          "Projection: k = min(rank, max(k-min, k_q)); rank counts eigenvalues above"
              + " d * 2.2e-16 * largest eigenvalue; covariance with n-1.",
          "Same-task reference: largest |cosine| between the supplied head and the probe fitted on"
              + " the primary label, in the scope's projection.");

  private MethodNotes() {}
}
