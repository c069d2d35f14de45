package org.wsca.result;

import java.util.List;
import java.util.Optional;
import org.wsca.method.Head;
import org.wsca.method.Scope;

/**
 * What one scope produced. {@code skipReason} is present when the whole scope was skipped; {@code
 * sameTaskReference} is the supplied-head-versus-probe cosine when a head was supplied, else NaN.
 */
public record ScopeResult(
    Scope scope,
    Optional<String> skipReason,
    Optional<PcaSummary> pca,
    List<Head> heads,
    List<WscCell> cells,
    List<TestOutcome> tests,
    double sameTaskReference) {

  public static ScopeResult skipped(Scope scope, String reason, List<TestOutcome> tests) {
    return new ScopeResult(
        scope, Optional.of(reason), Optional.empty(), List.of(), List.of(), tests, Double.NaN);
  }
}
