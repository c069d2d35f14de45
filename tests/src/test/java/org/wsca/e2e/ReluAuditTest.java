package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.ReluEmbeddings;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;
import org.wsca.settings.SettingsLoader;

/**
 * An audit at the default head settings on ReLU-like embeddings (dead and near-dead units, unequal
 * scales, heavy tails; {@link ReluEmbeddings}): every head converges, observed and permuted, and
 * the tested statistic T_0 (permutation 0 of the batched pass) agrees with the reported MLlib
 * head's T. Before the optimiser's coordinates were regularised, these heads stopped at max-iter.
 */
class ReluAuditTest extends SparkTestBase {
  @TempDir Path dir;

  private static final StructType SCHEMA =
      Fixtures.stringsAndEmbedding("sample_id", "site", "label", "scanner", "noise");

  private String reluRows() {
    List<Row> rows = new ArrayList<>();
    for (ReluEmbeddings.Row r : ReluEmbeddings.of(ReluEmbeddings.Shape.defaults(), 3).rows(1500)) {
      rows.add(
          RowFactory.create(
              String.format("img%05d", r.index()),
              "site" + r.site(),
              "class" + r.label(),
              "scanner" + r.scanner(),
              r.noise() == 1 ? "yes" : "no",
              r.embedding()));
    }
    String path = dir.resolve("relu").toString();
    spark().createDataFrame(rows, SCHEMA).write().partitionBy("site").parquet(path);
    return path;
  }

  @Test
  void everyHeadConvergesAtTheDefaults() throws Exception {
    AuditResult result =
        new AuditRun(
                spark(),
                SettingsLoader.load(
                    Optional.empty(),
                    List.of(
                        "input.paths=[\"" + reluRows() + "\"]",
                        "output.root=\"" + dir.resolve("out") + "\"",
                        "output.run-id=relu",
                        "scopes.per-site=false",
                        "permutation.count=19",
                        "input.metadata=[{name=scanner, kind=categorical},"
                            + " {name=noise, kind=binary}]")))
            .execute();
    Dataset<Row> heads = spark().read().parquet(result.outputPath() + "/heads");
    assertThat(heads.count()).isEqualTo(3);
    assertThat(heads.filter("converged = false").count()).as("non-converged heads").isZero();
    List<Row> tests = spark().read().parquet(result.outputPath() + "/tests").collectAsList();
    assertThat(tests).hasSize(2);
    for (Row test : tests) {
      String task = test.getAs("task");
      assertThat(test.<String>getAs("status")).as(task).isEqualTo("TESTED");
      assertThat(test.<Integer>getAs("null_nonconverged")).as(task).isZero();
      assertThat(test.<Boolean>getAs("head_converged")).as(task).isTrue();
      double t = test.getAs("t");
      double tested = test.getAs("t_perm0");
      assertThat(Math.abs(t - tested)).as(task + ": T of MLlib's head vs T_0").isLessThan(1e-3);
    }
  }
}
