package org.wsca.audit;

import java.util.List;
import java.util.Optional;
import org.wsca.engine.LinearHead;
import org.wsca.method.NullDistribution;

/**
 * Fits the B permuted heads of one (task, scope) and returns their T statistics. Permutation b of
 * stratum s must be {@code Permutations.permuteLabels(labels of s in sample_id order, seed, task,
 * scope, s, b)}, so results do not depend on partitioning (docs/method.md section 6).
 */
public interface PermutationEngine {
  NullDistribution fitNull(PermutationRequest request);

  /**
   * {@link #fitNull} and, when this engine fits permutation 0 among the null's heads, that head:
   * the caller then needs no separate {@link #observedHead} fit (docs/performance.md, small
   * audits).
   */
  default NullFit fitNullWithObserved(PermutationRequest request) {
    return new NullFit(fitNull(request), Optional.empty());
  }

  /**
   * The head of permutation 0 (the observed labels) in raw coordinates, when this engine fits its
   * own (the batched engine): a converged start for the reported MLlib head. Empty otherwise.
   */
  default Optional<LinearHead> observedHead(PermutationRequest request) {
    return Optional.empty();
  }

  /**
   * {@link #fitNullWithObserved} for the same task in several scopes, in order; an engine that can
   * fits them in shared passes (the batched engine), with the heads each would fit alone.
   */
  default List<NullFit> fitNullsWithObserved(List<PermutationRequest> requests) {
    return requests.stream().map(this::fitNullWithObserved).toList();
  }

  /** {@link #observedHead} for several requests, in order. */
  default List<Optional<LinearHead>> observedHeads(List<PermutationRequest> requests) {
    return requests.stream().map(this::observedHead).toList();
  }
}
