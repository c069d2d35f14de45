package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.errors.WscaException;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;

/**
 * docs/method.md section 3a: a supplied primary head is what WSC compares against, a probe is still
 * fitted, and their agreement is reported as the same-task reference.
 */
class SuppliedHeadTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void suppliedHeadEqualToTheProbeGivesTheProbesResultsAndReferenceOne() throws IOException {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 12, 0.2, 2);
    String[] common = {
      "scopes.per-site=false",
      "permutation.count=19",
      "input.metadata=[{name=scanner, kind=categorical}]"
    };
    AuditResult probeOnly =
        new AuditRun(spark(), Fixtures.demoSettings(data, dir.resolve("a"), common)).execute();
    Path csv = writeProbeAsCsv(probeOnly.outputPath() + "/heads");

    List<String> withHead = new ArrayList<>(List.of(common));
    withHead.add("primary-head.path=\"" + csv + "\"");
    AuditResult supplied =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(data, dir.resolve("b"), withHead.toArray(new String[0])))
            .execute();

    TestOutcome before = probeOnly.tests().get(0);
    TestOutcome after = supplied.tests().get(0);
    assertThat(after.t()).isCloseTo(before.t(), offset(1e-6));
    assertThat(after.p()).isEqualTo(before.p());
    Row suppliedRow =
        spark()
            .read()
            .parquet(supplied.outputPath() + "/heads")
            .filter("source = 'supplied'")
            .first();
    assertThat(suppliedRow.<Double>getAs("same_task_reference")).isCloseTo(1.0, offset(1e-4));

    // dependence.rows = all: a head trained on none of these rows is scored on every row.
    withHead.add("dependence.rows=all");
    AuditResult allRows =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(data, dir.resolve("c"), withHead.toArray(new String[0])))
            .execute();
    TestOutcome everyRow = allRows.tests().get(0);
    assertThat(everyRow.t()).isCloseTo(after.t(), offset(1e-9));
    assertThat(everyRow.dependence().movableRows())
        .as("about 5 times the 20 %% test split")
        .isGreaterThan(3 * after.dependence().movableRows());
  }

  @Test
  void aSuppliedHeadOfTheWrongDimensionIsBadInputNamingBoth() throws IOException {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 12, 0.1, 1);
    Path csv = dir.resolve("head.csv");
    Files.writeString(csv, "class,w0,w1,w2\nabdomen,1,2,3\nhead,3,2,1\n");
    assertThatThrownBy(
            () ->
                new AuditRun(
                        spark(),
                        Fixtures.demoSettings(
                            data, dir.resolve("o"), "primary-head.path=\"" + csv + "\""))
                    .execute())
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("dimension 3")
        .hasMessageContaining("have 12");
  }

  private Path writeProbeAsCsv(String headsTable) throws IOException {
    Row probe =
        spark()
            .read()
            .parquet(headsTable)
            .filter("task = 'primary' AND source = 'probe' AND scope = 'pooled'")
            .first();
    List<String> classes = probe.getList(probe.fieldIndex("direction_labels"));
    List<scala.collection.Seq<Double>> directions = probe.getList(probe.fieldIndex("directions"));
    StringBuilder csv = new StringBuilder("class");
    int d = directions.get(0).size();
    for (int j = 0; j < d; j++) {
      csv.append(",w").append(j);
    }
    csv.append('\n');
    for (int c = 0; c < classes.size(); c++) {
      csv.append(classes.get(c));
      for (int j = 0; j < d; j++) {
        csv.append(',').append(directions.get(c).apply(j));
      }
      csv.append('\n');
    }
    Path path = dir.resolve("probe-head.csv");
    Files.writeString(path, csv);
    return path;
  }
}
