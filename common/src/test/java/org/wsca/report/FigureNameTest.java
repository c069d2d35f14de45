package org.wsca.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureNameTest {
  private static final String SAFE = "[a-z0-9][a-z0-9-]*-[0-9a-f]{8}\\.png";

  @Test
  void hostileNamesGiveFlatSafeFileNames() {
    for (String site : List.of("../x", "a/b", "..", "/", "C:\\temp\\x", "<script>", "", "é")) {
      String name = FigureName.of("null", "scanner", "site=" + site);
      assertThat(name).matches(SAFE).doesNotContain("/").doesNotContain("..").doesNotContain("\\");
    }
  }

  @Test
  void namesThatSlugAlikeStillDiffer() {
    assertThat(FigureName.slug("a/b")).isEqualTo(FigureName.slug("a_b"));
    assertThat(FigureName.of("null", "t", "a/b")).isNotEqualTo(FigureName.of("null", "t", "a_b"));
    assertThat(FigureName.of("forest", "x")).isNotEqualTo(FigureName.of("null", "x"));
  }

  @Test
  void theSameNameIsStableAndReadable() {
    assertThat(FigureName.of("null", "scanner", "site=A"))
        .isEqualTo(FigureName.of("null", "scanner", "site=A"))
        .startsWith("null-scanner-site-a-");
  }

  @Test
  void longNamesAreCut() {
    String name = FigureName.of("null", "x".repeat(500));
    assertThat(name.length()).isLessThan(80);
  }
}
