package org.wsca.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsca.errors.WscaException;

/** Tabulation, targets and scenario selection, without Spark. */
class StudyReportTest {

  private static DatasetOutcome outcome(Scenario s, int i, double p) {
    return new DatasetOutcome(s.key(), s.strataName(), i, 1000 + i, p, 0.1, 0.5, 0, null);
  }

  @Test
  void countsRejectionsAtAlphaPerScenarioAndStrata() {
    Scenario site = Scenarios.encodedNotUsed(Scenarios.SITE);
    Scenario siteLabel = Scenarios.encodedNotUsed(Scenarios.SITE_LABEL);
    List<DatasetOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // p = 0.05 counts as a rejection (p <= alpha), 0.06 does not.
      outcomes.add(outcome(site, i, i < 2 ? 0.05 : 0.06));
      outcomes.add(outcome(siteLabel, i, i < 10 ? 0.01 : 0.5));
    }
    outcomes.add(
        new DatasetOutcome(
            site.key(),
            site.strataName(),
            40,
            1040,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            "too few rows"));
    List<ScenarioSummary> rows = StudyReport.summarise(List.of(site, siteLabel), outcomes, 0.05);
    ScenarioSummary first = rows.get(0);
    assertThat(first.datasets()).isEqualTo(40);
    assertThat(first.skipped()).isEqualTo(1);
    assertThat(first.rejections()).isEqualTo(2);
    assertThat(first.rate()).isEqualTo(0.05);
    assertThat(first.interval().low()).isCloseTo(0.0138207, within(1e-6));
    assertThat(first.met()).isEqualTo("yes");
    ScenarioSummary second = rows.get(1);
    assertThat(second.rate()).isEqualTo(0.25);
    // Wilson 10/40 = [0.1419, 0.4019]: the whole interval is above 0.05.
    assertThat(second.met()).isEqualTo("no");
    assertThat(StudyReport.table(rows))
        .containsPattern("encoded-not-used +site\\+label")
        .contains("0.250")
        .contains("[0.142, 0.402]");
    assertThat(StudyReport.summaryCsv(rows).lines().toList())
        .hasSize(3)
        .element(1)
        .isEqualTo(
            "encoded-not-used,site,40,2,0.050,0.014,0.165,<= 0.05,yes,1,WSC p <= alpha,0,0,0,0,NaN");
  }

  private static DatasetOutcome verdict(
      Scenario s, int i, String verdict, double depP, String why) {
    return new DatasetOutcome(
        s.key(),
        s.strataName(),
        i,
        1000 + i,
        why == null ? 0.5 : Double.NaN,
        0.1,
        0.9,
        0,
        why,
        verdict,
        Double.isNaN(depP) ? Double.NaN : 0.3,
        depP,
        depP,
        "confounder",
        null);
  }

  @Test
  void verdictScenariosCountClaimsOfUseAndNotTestedOverEveryDataSet() {
    Scenario grid = byKey("shift-0.5");
    Scenario oneScanner = byKey("one-scanner-per-site");
    List<DatasetOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String v = i < 7 ? "SHORTCUT_RISK" : i < 9 ? "ENCODED_NOT_USED" : "NOT_TESTED";
      outcomes.add(verdict(grid, i, v, i < 8 ? 0.001 : 0.2, i < 9 ? null : "heads"));
      outcomes.add(verdict(oneScanner, i, "NOT_TESTED", Double.NaN, "one value per site"));
    }
    List<ScenarioSummary> rows = StudyReport.summarise(List.of(grid, oneScanner), outcomes, 0.05);
    // The NOT_TESTED data set stays in the denominator of a verdict scenario.
    assertThat(rows.get(0).datasets()).isEqualTo(10);
    assertThat(rows.get(0).rejections()).isEqualTo(7);
    assertThat(rows.get(0).readings().dependenceRejections()).isEqualTo(8);
    assertThat(rows.get(0).readings().dependenceTested()).isEqualTo(10);
    assertThat(rows.get(0).readings().notTested()).isEqualTo(1);
    assertThat(rows.get(0).met()).isEqualTo("within MC error");
    assertThat(rows.get(1).rejections()).isEqualTo(10);
    assertThat(rows.get(1).readings().useClaims()).isZero();
    assertThat(rows.get(1).met()).isEqualTo("yes");
    assertThat(StudyReport.table(rows)).contains("use claimed").contains("8/10");
  }

  @Test
  void readsTablesWrittenBeforeVerdictsWereRecorded() {
    String v1 =
        DatasetsCsv.HEADER_V1
            + "\nshortcut,site,0,1000,0.01,0.5,0.99,0,\n"
            + "shortcut,site,1,1001,,,,0,\"too few, rows\"\n";
    List<DatasetOutcome> read = DatasetsCsv.parse(v1, "old.csv");
    assertThat(read).hasSize(2);
    assertThat(read.get(0).verdict()).isEmpty();
    assertThat(read.get(0).rejected(0.05)).isTrue();
    assertThat(read.get(1).skipReason()).isEqualTo("too few, rows");
    // Written again, they come back equal under the current header.
    assertThat(DatasetsCsv.parse(DatasetsCsv.write(read), "new.csv")).isEqualTo(read);
  }

  private static Scenario byKey(String key) {
    return Scenarios.validation().stream().filter(s -> s.key().equals(key)).findFirst().get();
  }

  @Test
  void targetsSayWhetherTheRateOrItsIntervalReachesThem() {
    Target size = Target.atMost(0.05);
    assertThat(size.met(0.075, Wilson.of95(3, 40))).isEqualTo("within MC error");
    Target power = Target.atLeast(0.8);
    assertThat(power.met(0.85, Wilson.of95(34, 40))).isEqualTo("yes");
    assertThat(power.met(0.75, Wilson.of95(30, 40))).isEqualTo("within MC error");
    assertThat(power.met(0.5, Wilson.of95(20, 40))).isEqualTo("no");
    assertThat(Target.none().met(0.1, Wilson.of95(4, 40))).isEqualTo("n/a");
  }

  @Test
  void selectsScenariosByKeyOrKeyAtStrata() {
    assertThat(Scenarios.select(List.of()).stream().map(Scenario::id))
        .containsExactly(
            "not-encoded@site",
            "not-encoded@site+label",
            "encoded-not-used@site",
            "encoded-not-used@site+label",
            "shortcut@site",
            "shortcut@site+label",
            "clinical@site");
    assertThat(Scenarios.select(List.of("not-encoded", "shortcut@site")).stream().map(Scenario::id))
        .containsExactly("not-encoded@site", "not-encoded@site+label", "shortcut@site");
    assertThat(Scenarios.select(List.of("validation"))).isEqualTo(Scenarios.validation());
    assertThat(Scenarios.validation().stream().map(Scenario::key))
        .contains(
            "not-encoded-patient-k8", "shift-0.4", "one-scanner-per-site", "induced-shortcut");
    assertThatThrownBy(() -> Scenarios.select(List.of("shortcut@label")))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("'shortcut@label'");
  }

  @Test
  void jsonEscapesAndWritesNullForMissingNumbers() throws Exception {
    Scenario s = Scenarios.clinical(Scenarios.SITE);
    List<ScenarioSummary> none = StudyReport.summarise(List.of(s), List.of(), 0.05);
    StudySettings settings = new StudySettings(1, 19, 1.0, 64, 3, 1000, 0.05, "out", List.of(s));
    JsonNode json = new ObjectMapper().readTree(StudyReport.summaryJson(none, settings.toJson()));
    assertThat(json.get("scenarios")).hasSize(1);
    JsonNode scenario = json.get("scenarios").get(0);
    assertThat(scenario.get("rate").isNull()).isTrue();
    assertThat(json.get("study").get("permutations").asInt()).isEqualTo(19);
    assertThat(scenario.get("met").asText()).isEqualTo("n/a");

    // A quote, a backslash and a newline survive; the rate 1/3 is written to 6 decimals.
    ScenarioSummary odd =
        new ScenarioSummary(
            "x", "site", "a\"b\\c\n", 3, 1, 1 / 3.0, Wilson.of95(1, 3), Target.none(), 0);
    JsonNode row =
        new ObjectMapper()
            .readTree(StudyReport.summaryJson(List.of(odd), settings.toJson()))
            .get("scenarios")
            .get(0);
    assertThat(row.get("description").asText()).isEqualTo("a\"b\\c\n");
    assertThat(row.get("rate").asText()).isEqualTo("0.333333");
  }

  @Test
  void progressExtrapolatesThePaceSoFar() {
    Progress p = new Progress(4, 10, 40_000);
    assertThat(p.etaMillis()).isEqualTo(60_000);
    assertThat(p.describe())
        .isEqualTo("4/10 data sets, 10.0s per data set, elapsed 40.0s, ETA 1m00s");
    assertThat(new Progress(0, 10, 0).describe()).endsWith("ETA unknown");
  }
}
