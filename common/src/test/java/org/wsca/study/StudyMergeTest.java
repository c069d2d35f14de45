package org.wsca.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.errors.WscaException;

/** Merging studies run in parts, on the local file system, without Spark. */
class StudyMergeTest {
  private static final Scenario NULL =
      Scenarios.notEncoded(org.wsca.demo.DemoData.Variant.BALANCED, Scenarios.SITE);
  private static final Scenario POWER = Scenarios.shortcut(Scenarios.SITE);

  @TempDir Path dir;

  /** A part as the study writes it: seeds first..first+n-1, every k-th null data set rejected. */
  private List<DatasetOutcome> part(String name, long first, int n, int k, int permutations)
      throws IOException {
    List<DatasetOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      outcomes.add(
          new DatasetOutcome(
              NULL.key(),
              NULL.strataName(),
              i,
              first + i,
              i % k == 0 ? 0.03 : 0.4,
              0.2,
              0.5,
              0,
              null));
      outcomes.add(
          new DatasetOutcome(
              POWER.key(),
              POWER.strataName(),
              i,
              first + i,
              0.01,
              0.9,
              0.99,
              i == 0 ? 2 : 0,
              null));
    }
    outcomes.add(
        new DatasetOutcome(
            POWER.key(),
            POWER.strataName(),
            n,
            first + n,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            "too few rows, \"scanner\" has one class"));
    StudySettings settings =
        new StudySettings(
            n,
            permutations,
            1.0,
            64,
            3,
            first,
            0.05,
            dir.resolve(name).toString(),
            List.of(NULL, POWER));
    StudyReport.writeTables(
        FileSystem.getLocal(new Configuration()),
        settings.output(),
        outcomes,
        StudyReport.summarise(settings.scenarios(), outcomes, 0.05),
        settings.toJson());
    return outcomes;
  }

  private List<ScenarioSummary> merge(String... parts) {
    List<String> paths = new ArrayList<>();
    for (String p : parts) {
      paths.add(dir.resolve(p).toString());
    }
    return new StudyMerge(new Configuration()).merge(paths, dir.resolve("merged").toString(), 0.05);
  }

  @Test
  void mergedTablesEqualOneStudyOfEveryDataSet() throws IOException {
    List<DatasetOutcome> all = new ArrayList<>(part("a", 1000, 40, 10, 99));
    all.addAll(part("b", 1100, 30, 5, 99));
    List<ScenarioSummary> merged = merge("a", "b");

    List<ScenarioSummary> direct = StudyReport.summarise(List.of(NULL, POWER), all, 0.05);
    assertThat(merged).isEqualTo(direct);
    // 4 + 6 rejections of 70 null data sets; the skipped power data sets stay skipped.
    assertThat(merged.get(0).rejections()).isEqualTo(10);
    assertThat(merged.get(0).datasets()).isEqualTo(70);
    assertThat(merged.get(1).skipped()).isEqualTo(2);

    String csv = Files.readString(dir.resolve("merged/datasets.csv"));
    assertThat(DatasetsCsv.parse(csv, "merged")).isEqualTo(all);
    assertThat(Files.readString(dir.resolve("merged/summary.csv")))
        .isEqualTo(StudyReport.summaryCsv(direct));
    String json = Files.readString(dir.resolve("merged/summary.json"));
    JsonNode study = new ObjectMapper().readTree(json).get("study");
    assertThat(study.get("datasets").asInt()).isEqualTo(72);
    assertThat(study.get("seeds"))
        .extracting(JsonNode::asText)
        .containsExactly("1000-1040", "1100-1130");
    assertThat(study.get("permutations").asInt()).isEqualTo(99);
    assertThat(json).doesNotContain("base_seed");
    assertThat(study.get("merged_from").get(0).asText()).isEqualTo(dir.resolve("a").toString());
  }

  @Test
  void refusesASeedCountedTwice() throws IOException {
    part("a", 1000, 10, 5, 99);
    part("b", 1005, 10, 5, 99);
    assertThatThrownBy(() -> merge("a", "b"))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("not-encoded@site seed 1005")
        .hasMessageContaining("--seed");
  }

  @Test
  void refusesPartsWithDifferentSettings() throws IOException {
    part("a", 1000, 10, 5, 99);
    part("b", 2000, 10, 5, 199);
    assertThatThrownBy(() -> merge("a", "b"))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("'permutations' is 99")
        .hasMessageContaining("but 199");
  }

  @Test
  void namesAMissingOrForeignPart() throws IOException {
    part("a", 1000, 10, 5, 99);
    assertThatThrownBy(() -> merge("a", "nothing-here"))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("nothing-here")
        .hasMessageContaining("does not exist");
    Files.createDirectories(dir.resolve("c"));
    Files.writeString(dir.resolve("c/summary.json"), "{\"study\": {\"permutations\": 99}}");
    Files.writeString(dir.resolve("c/datasets.csv"), "a,b\n1,2\n");
    assertThatThrownBy(() -> merge("c"))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("is not a calibration datasets.csv");
  }

  @Test
  void csvKeepsQuotedReasonsAndMissingNumbers() {
    DatasetOutcome skipped =
        new DatasetOutcome(
            "shortcut", "site", 3, 1003, Double.NaN, Double.NaN, Double.NaN, 0, "a, \"b\"");
    DatasetOutcome tested =
        new DatasetOutcome("shortcut", "site", 4, 1004, 0.01, 0.123456789012345, 1.0, 7, null);
    assertThat(DatasetsCsv.parse(DatasetsCsv.write(List.of(skipped, tested)), "t"))
        .containsExactly(skipped, tested);
    assertThatThrownBy(() -> DatasetsCsv.parse(DatasetsCsv.HEADER + "\nx,site,1\n", "f.csv"))
        .hasMessageContaining("f.csv line 2")
        .hasMessageContaining("3 fields");
  }

  @Test
  void seedRangesJoinConsecutiveSeeds() {
    assertThat(StudyMerge.seedRanges(new TreeSet<>(List.of(1L, 2L, 3L, 7L, 9L, 10L))))
        .containsExactly("1-3", "7", "9-10");
  }
}
