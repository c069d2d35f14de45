package org.wsca.result;

import java.util.List;
import java.util.Optional;
import org.wsca.method.Head;
import org.wsca.method.Scope;

/**
 * What one scope produced. {@code skipReason} is non-null when the whole scope was skipped; {@code
 * sameTaskReference} is the supplied-head-versus-probe cosine, when a head was supplied.
 */
public record ScopeResult(
    Scope scope,
    String skipReason,
    Optional<PcaSummary> pca,
    List<Head> heads,
    List<WscCell> cells,
    List<TestOutcome> tests,
    Double sameTaskReference) {

  public static ScopeResult skipped(Scope scope, String reason, List<TestOutcome> tests) {
    return new ScopeResult(scope, reason, Optional.empty(), List.of(), List.of(), tests, null);
  }
}
