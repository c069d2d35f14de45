package org.wsca.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.wsca.settings.Fixtures.failure;
import static org.wsca.settings.Fixtures.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsca.math.Metric;

/** Every range and enumeration rule rejects a bad value, naming the key, value and rule. */
class SettingsRangeTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "permutation.count          | 18    | must be >= 19",
        "permutation.progress-every | 0     | must be >= 1",
        "permutation.max-heads-per-chunk | 0 | must be >= 1",
        "permutation.driver-pass-max-mb | -1 | must be >= 0",
        "verdict.alpha              | 0     | must be in (0, 1)",
        "verdict.alpha              | 1     | must be in (0, 1)",
        "verdict.min-effect         | -0.1  | must be in [0, 1]",
        "verdict.min-effect         | 1.1   | must be in [0, 1]",
        "verdict.presence-gate      | -0.01 | must be in [0, 1]",
        "verdict.presence-gate      | 1.5   | must be in [0, 1]",
        "verdict.min-shift-sd       | -0.1  | must be >= 0",
        "dependence.permutations    | 18    | must be >= 19",
        "dependence.step            | 0     | must be >= 1",
        "projection.variance-fraction | 0   | must be in (0, 1]",
        "projection.variance-fraction | 1.01 | must be in (0, 1]",
        "projection.k-min           | 0     | must be >= 1",
        "split.test-fraction        | 0     | must be in (0, 1)",
        "split.test-fraction        | 1     | must be in (0, 1)",
        "input.max-reject-fraction  | -0.5  | must be in [0, 1]",
        "input.max-reject-fraction  | 2     | must be in [0, 1]",
        "scopes.min-rows-per-class  | 0     | must be >= 1",
        "heads.reg-param            | -0.001 | must be >= 0",
        "heads.max-iter             | 0     | must be >= 1",
        "heads.tol                  | 0     | must be > 0",
        "heads.continuous-bins      | 1     | must be >= 2",
        "output.result-partitions   | 0     | must be >= 1",
      })
  void outOfRangeValueNamesKeyValueAndRule(String key, String value, String rule) {
    assertThat(failure(key + "=" + value))
        .contains("wsca." + key + " = " + value + " is out of range: " + rule);
  }

  @Test
  void countMessageExplainsTheFix() {
    assertThat(failure("permutation.count=5"))
        .startsWith(
            "wsca.permutation.count = 5 is out of range: must be >= 19 so that p can reach 0.05"
                + " (set it to 999 for publication, or auto)");
  }

  @Test
  void metadataBinsBelowTwoAreRejected() {
    assertThat(failure("input.metadata=[{name = age, kind = continuous, bins = 1}]"))
        .contains("wsca.input.metadata[0].bins = 1 is out of range: must be >= 2");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "permutation.count=19",
        "verdict.min-effect=0",
        "verdict.min-effect=1",
        "verdict.presence-gate=0",
        "projection.variance-fraction=1",
        "input.max-reject-fraction=0",
        "input.max-reject-fraction=1",
        "heads.reg-param=0",
        "heads.continuous-bins=2",
      })
  void boundaryValuesInsideTheRangeAreAccepted(String override) {
    assertThatCode(() -> load(override)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metric              | euclidean  | use cosine or logit-correlation",
        "projection.method   | umap       | use pca or none",
        "primary-head.format | json       | use auto, parquet or csv",
        "permutation.engine  | spark-gpu  | use batched or mllib-loop",
        "projection.fit-space | raw       | use full or pca",
        "dependence.rows     | train      | use held-out or all",
      })
  void unknownChoiceNamesKeyAndAlternatives(String key, String value, String alternatives) {
    assertThat(failure(key + "=" + value))
        .contains("wsca." + key + " = \"" + value + "\" is not a known")
        .contains(alternatives);
  }

  @Test
  void fittingOnScoresNeedsAPca() {
    assertThat(failure("projection.fit-space=pca", "projection.method=none"))
        .contains("wsca.projection.fit-space = pca needs wsca.projection.method = pca");
    assertThat(load("projection.fit-space=pca").projection().fitsOnScores()).isTrue();
  }

  @Test
  void allRowsForTheDependenceTestNeedASuppliedHead() {
    assertThat(failure("dependence.rows=all"))
        .contains("wsca.dependence.rows = all needs a supplied primary head")
        .contains("wsca.dependence.rows = held-out");
    assertThat(load("dependence.rows=all", "primary-head.path=head.csv").dependence().rows())
        .isEqualTo(Settings.DependenceRows.ALL);
    assertThat(load().dependence().rows()).isEqualTo(Settings.DependenceRows.HELD_OUT);
  }

  @Test
  void choicesAreCaseInsensitive() {
    Settings s = load("metric=Logit-Correlation", "projection.method=NONE");
    assertThat(s.metric()).isEqualTo(Metric.LOGIT_CORRELATION);
    assertThat(s.projection().method()).isEqualTo(Settings.ProjectionMethod.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[site, batch]     | unknown stratum \"batch\"",
        "[site, label, site] | repeats \"site\"",
      })
  void badStrataAreRejected(String strata, String problem) {
    assertThat(failure("permutation.strata=" + strata))
        .contains("wsca.permutation.strata = ")
        .contains(problem)
        .contains("[\"site\", \"label\"]");
  }

  @Test
  void noStrataIsAllowed() {
    // docs/method.md 6.1: [] permutes across the whole scope.
    assertThat(load("permutation.strata=[]").permutation().strata()).isEmpty();
  }

  @Test
  void countAutoIsResolvedLater() {
    Settings.Permutation p = load("permutation.count=auto").permutation();
    assertThat(p.countAuto()).isTrue();
    assertThat(p.withCount(8399).count()).isEqualTo(8399);
    assertThat(p.withCount(8399).countAuto()).isFalse();
    assertThat(load("permutation.count=AUTO").permutation().countAuto()).isTrue();
    assertThat(load("permutation.count=199").permutation().countAuto()).isFalse();
  }

  @Test
  void testabilityFloorIsReadAndChecked() {
    Settings.Permutation p =
        load(
                "permutation.min-movable-rows=5",
                "permutation.min-movable-fraction=0.01",
                "permutation.min-distinct-permutations=100")
            .permutation();
    assertThat(p.minMovableRows()).isEqualTo(5);
    assertThat(p.minMovableFraction()).isEqualTo(0.01);
    assertThat(p.minDistinctPermutations()).isEqualTo(100);
    assertThat(failure("permutation.min-movable-rows=0"))
        .contains("wsca.permutation.min-movable-rows = 0");
    assertThat(failure("permutation.min-movable-fraction=1.5"))
        .contains("wsca.permutation.min-movable-fraction = 1.5");
    assertThat(failure("permutation.min-distinct-permutations=1"))
        .contains("wsca.permutation.min-distinct-permutations = 1");
  }

  @Test
  void strataKeepTheirOrder() {
    assertThat(load("permutation.strata=[label, site]").permutation().strata())
        .containsExactly(Settings.Stratum.LABEL, Settings.Stratum.SITE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\".\"",
        "\"..\"",
        "\"a/b\"",
        "\"run 1\"",
        "\"history\"",
        "\"_chunks\"",
        "\"_staging\"",
        "\".hidden\""
      })
  void runIdMustBeAFolderName(String runId) {
    assertThat(failure("output.run-id=" + runId))
        .contains("wsca.output.run-id = " + runId + " is not a valid run id");
  }

  @Test
  void runIdMayBeEmptyOrAName() {
    assertThat(load("output.run-id=\"\"").output().runId()).isEmpty();
    assertThat(load("output.run-id=exp-1.b_2").output().runId()).isEqualTo("exp-1.b_2");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sample-id", "embedding", "site", "label"})
  void requiredColumnsMustBeNamed(String column) {
    assertThat(failure("input.columns." + column + "=\"\""))
        .contains("wsca.input.columns." + column + " = \"\" is empty");
  }

  @Test
  void emptyInputPathIsRejected() {
    assertThat(failure("input.paths=[\"/a\", \" \"]")).contains("wsca.input.paths");
  }

  @Test
  void atLeastOneScope() {
    assertThat(failure("scopes.pooled=false", "scopes.per-site=false"))
        .contains("wsca.scopes.pooled")
        .contains("wsca.scopes.per-site");
  }

  @Test
  void emptyOutputRootIsRejected() {
    assertThat(failure("output.root=\"\"")).contains("wsca.output.root = \"\" is empty");
  }
}
