package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.result.AuditResult;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;

/**
 * projection.fit-space = pca fits every head on the PCA scores. When k = d the scores are an
 * orthogonal change of coordinates of the centred rows, and an L2 logistic regression without
 * standardisation is invariant under it (the intercept absorbs the centring): the heads are the
 * full-space heads rotated, so T must be the same up to optimiser tolerance. That closed-form
 * equivalence is the check here.
 */
class FitSpaceTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void withKEqualToDTheScoreSpaceGivesTheFullSpaceStatistic() {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 12, 0.3, 2);
    // k-min 50 > d = 12, so k = rank = 12.
    String[] common = {
      "scopes.per-site=false",
      "permutation.count=19",
      "input.metadata=[{name=scanner, kind=categorical}]",
      "heads.tol=1e-10"
    };
    AuditResult full =
        new AuditRun(spark(), Fixtures.demoSettings(data, dir.resolve("full"), common)).execute();
    AuditResult scores =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(
                    data, dir.resolve("pca"), concat(common, "projection.fit-space=pca")))
            .execute();

    TestOutcome a = full.tests().get(0);
    TestOutcome b = scores.tests().get(0);
    assertThat(b.t()).isCloseTo(a.t(), offset(1e-3));
    assertThat(b.presence().auroc()).isCloseTo(a.presence().auroc(), offset(1e-3));
    assertThat(b.verdict()).isEqualTo(a.verdict());
    Row head =
        spark().read().parquet(scores.outputPath() + "/heads").filter("task = 'scanner'").first();
    assertThat(head.<String>getAs("fit_space")).isEqualTo("pca");
    List<?> directions = head.getList(head.fieldIndex("directions"));
    assertThat(((scala.collection.Seq<?>) directions.get(0)).size()).isEqualTo(12);
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
