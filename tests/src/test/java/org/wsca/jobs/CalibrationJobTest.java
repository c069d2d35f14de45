package org.wsca.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.errors.ExitCode;
import org.wsca.study.DatasetOutcome;
import org.wsca.study.DatasetsCsv;

/** CalibrationJob's options and its --merge mode, which needs no Spark session. */
class CalibrationJobTest extends ConsoleCapture {
  @TempDir Path dir;

  private Path part(String name, long firstSeed, int rejections) throws Exception {
    List<DatasetOutcome> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(
          new DatasetOutcome(
              "not-encoded",
              "site",
              i,
              firstSeed + i,
              i < rejections ? 0.01 : 0.5,
              0.2,
              0.5,
              0,
              null));
    }
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("datasets.csv"), DatasetsCsv.write(rows));
    Files.writeString(
        folder.resolve("summary.json"),
        "{\"study\": {\"datasets\": 20,"
            + " \"permutations\": 99, \"base_seed\": "
            + firstSeed
            + "}, \"scenarios\": []}");
    return folder;
  }

  @Test
  void mergesPartsIntoOneTable() throws Exception {
    Path a = part("a", 1000, 1);
    Path b = part("b", 1020, 2);
    Path out = dir.resolve("merged");
    int code =
        JobRunner.run(
            new CalibrationJob(),
            new String[] {"--merge", a + "," + b, "--output", out.toString()});
    assertThat(code).as(err.toString()).isZero();
    // 3 of 40: rate 0.075, Wilson [0.026, 0.199].
    assertThat(this.out.toString())
        .contains(
            "not-encoded", "40", "0.075", "[0.026, 0.199]", "within MC error", "Results: " + out);
    assertThat(Files.readAllLines(out.resolve("datasets.csv"))).hasSize(41);
    JsonNode study = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("study");
    assertThat(study.get("seeds")).extracting(JsonNode::asText).containsExactly("1000-1039");
  }

  @Test
  void aMissingPartExitsWithTheInputCodeAndNamesIt() throws Exception {
    Path a = part("a", 1000, 1);
    int code =
        JobRunner.run(
            new CalibrationJob(),
            new String[] {
              "--merge", a + "," + dir.resolve("typo"), "--output", dir.resolve("m").toString()
            });
    assertThat(code).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(err.toString()).contains("typo").contains("does not exist");
  }

  @Test
  void helpDescribesMerging() {
    assertThat(JobRunner.run(new CalibrationJob(), new String[] {"--help"})).isZero();
    assertThat(out.toString()).contains("--merge", "--seed", "calibration-output");
  }
}
