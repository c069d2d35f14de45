package org.wsca.audit;

import java.util.HashMap;
import java.util.Map;
import org.wsca.method.ClassIndex;
import org.wsca.method.Scope;

/**
 * Training rows per primary label in each site, filled from the audit's one aggregate over sites,
 * so that no scope runs a job of its own to count its primary classes: the pooled scope's counts
 * are the sum over the sites, a site scope's are its own.
 */
final class TrainLabels {
  private final Map<String, Map<String, Long>> bySite = new HashMap<>();

  /** Rows without a label, or none in training, are no class, as in a groupBy of the rows. */
  TrainLabels add(String site, String label, long trainRows) {
    if (label != null && trainRows > 0) {
      bySite.computeIfAbsent(site, s -> new HashMap<>()).merge(label, trainRows, Long::sum);
    }
    return this;
  }

  /** The primary classes of {@code scope}'s training rows with their counts. */
  ClassIndex classes(Scope scope) {
    Map<String, Long> counts = new HashMap<>();
    bySite.forEach(
        (site, labels) -> {
          if (scope.site().map(s -> s.equals(site)).orElse(true)) {
            labels.forEach((label, n) -> counts.merge(label, n, Long::sum));
          }
        });
    return ClassIndex.of(counts);
  }
}
