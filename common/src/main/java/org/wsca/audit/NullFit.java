package org.wsca.audit;

import java.util.Optional;
import org.wsca.engine.LinearHead;
import org.wsca.method.NullDistribution;

/**
 * A test's null distribution and, when the engine fitted permutation 0 in the same passes (the
 * batched engine, unless that chunk was restored from an earlier attempt), the head of the observed
 * labels: the start of the reported MLlib head, so that no separate pass fits permutation 0 again.
 */
public record NullFit(NullDistribution distribution, Optional<LinearHead> observed) {}
