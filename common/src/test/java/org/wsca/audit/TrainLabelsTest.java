package org.wsca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wsca.method.ClassIndex;
import org.wsca.method.Scope;

/**
 * Every scope's primary classes from the per-site counts equal what a groupBy of that scope's
 * training rows gave (counted by hand here): the pooled scope sums the sites, a site keeps its own,
 * and unlabelled or held-out-only groups are no class.
 */
class TrainLabelsTest {
  private static final TrainLabels COUNTS =
      new TrainLabels()
          .add("A", "brain", 30)
          .add("A", "heart", 12)
          .add("A", null, 5)
          .add("B", "brain", 7)
          .add("B", "femur", 0)
          .add("C", "femur", 9);

  @Test
  void pooledSumsTheSites() {
    ClassIndex pooled = COUNTS.classes(Scope.pooled());
    assertThat(pooled.classes()).containsExactly("brain", "femur", "heart");
    assertThat(counts(pooled)).containsExactly(37L, 9L, 12L);
  }

  @Test
  void aSiteKeepsItsOwnRowsOnly() {
    ClassIndex b = COUNTS.classes(Scope.ofSite("B"));
    assertThat(b.classes()).containsExactly("brain");
    assertThat(counts(b)).containsExactly(7L);
  }

  @Test
  void anUnknownSiteHasNoClasses() {
    assertThat(COUNTS.classes(Scope.ofSite("Z")).classes()).isEmpty();
  }

  @Test
  void numericLabelsKeepClassIndexOrder() {
    ClassIndex numeric =
        new TrainLabels().add("A", "10", 3).add("B", "9", 4).classes(Scope.pooled());
    assertThat(numeric.classes()).isEqualTo(List.of("9", "10"));
  }

  private static List<Long> counts(ClassIndex index) {
    return IntStream.range(0, index.size()).mapToObj(index::count).toList();
  }
}
