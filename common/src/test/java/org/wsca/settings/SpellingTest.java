package org.wsca.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
  private static final List<String> KNOWN =
      List.of("wsca.seed", "wsca.permutation.count", "wsca.heads.tol", "wsca.metric");

  @Test
  void distanceCountsEdits() {
    assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Spelling.distance("", "abc")).isEqualTo(3);
    assertThat(Spelling.distance("same", "same")).isZero();
  }

  @Test
  void nearestWithinReach() {
    assertThat(Spelling.nearest("wsca.permutaton.count", KNOWN))
        .isEqualTo("wsca.permutation.count");
  }

  @Test
  void sameLastKeyWhenTooFar() {
    assertThat(Spelling.nearest("wsca.optimiser.tol", KNOWN)).isEqualTo("wsca.heads.tol");
  }

  @Test
  void nothingWhenNothingIsClose() {
    assertThat(Spelling.nearest("wsca.colour", KNOWN)).isNull();
  }
}
