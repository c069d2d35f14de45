package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.result.TestOutcome;
import org.wsca.run.AuditRun;
import org.wsca.settings.Settings;

/**
 * docs/method.md section 6: permutations are a pure function of (seed, task, scope, stratum, b).
 */
class DeterminismTest extends SparkTestBase {
  @TempDir Path dir;

  private List<TestOutcome> audit(int partitions) {
    String data =
        Fixtures.demoData(
            spark(), dir.resolve("p" + partitions), DemoData.Variant.BIASED, 16, 0.3, partitions);
    Settings settings =
        Fixtures.demoSettings(
            data, dir.resolve("out" + partitions), "scopes.per-site=false", "permutation.count=19");
    return new AuditRun(spark(), settings).execute().tests();
  }

  @Test
  void samePValuesWithOneAndFourInputPartitions() {
    List<TestOutcome> one = audit(1);
    List<TestOutcome> four = audit(4);
    assertThat(one).hasSameSizeAs(four);
    for (int i = 0; i < one.size(); i++) {
      assertThat(four.get(i).p()).as(one.get(i).task()).isEqualTo(one.get(i).p());
      assertThat(four.get(i).t())
          .isCloseTo(one.get(i).t(), org.assertj.core.data.Offset.offset(1e-9));
      double[] a = one.get(i).nulls().orElseThrow().statistics();
      double[] b = four.get(i).nulls().orElseThrow().statistics();
      for (int k = 0; k < a.length; k++) {
        assertThat(b[k]).isCloseTo(a[k], org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }
}
