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
    return audit(partitions, "permutation.engine=batched");
  }

  private List<TestOutcome> audit(int partitions, String setting) {
    String data =
        Fixtures.demoData(
            spark(), dir.resolve("p" + partitions), DemoData.Variant.BIASED, 16, 0.3, partitions);
    Path out = dir.resolve("out" + partitions + "-" + setting.hashCode());
    Settings settings =
        Fixtures.demoSettings(data, out, "scopes.per-site=false", "permutation.count=19", setting);
    return new AuditRun(spark(), settings).execute().tests();
  }

  /**
   * Small data's optimiser passes on the driver (permutation.driver-pass-max-mb, on by default for
   * these few rows) give the audit of one Spark job per pass: same p, T and null.
   */
  @Test
  void driverPassesGiveTheAuditOfDistributedPasses() {
    List<TestOutcome> driver = audit(2);
    List<TestOutcome> jobs = audit(2, "permutation.driver-pass-max-mb=0");
    assertThat(driver).hasSameSizeAs(jobs);
    for (int i = 0; i < driver.size(); i++) {
      assertThat(driver.get(i).verdict()).isEqualTo(jobs.get(i).verdict());
      assertThat(driver.get(i).p()).as(jobs.get(i).task()).isEqualTo(jobs.get(i).p());
      assertThat(driver.get(i).t())
          .isCloseTo(jobs.get(i).t(), org.assertj.core.data.Offset.offset(1e-9));
      double[] a = jobs.get(i).nulls().orElseThrow().statistics();
      double[] b = driver.get(i).nulls().orElseThrow().statistics();
      for (int k = 0; k < a.length; k++) {
        assertThat(b[k]).isCloseTo(a[k], org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  /**
   * Site scopes sharing their optimiser passes (permutation.share-site-passes, one Spark job per
   * pass for all sites; driver passes off so that the shared job runs) give every site the audit it
   * gets alone: same verdicts and p, T, null and decision dependence to 1e-9 (the reported MLlib
   * heads sum in Spark's order).
   */
  @Test
  void sitesSharingPassesGetTheAuditEachGetsAlone() {
    String data =
        Fixtures.demoData(spark(), dir.resolve("sites"), DemoData.Variant.BIASED, 16, 0.3, 2);
    List<TestOutcome> shared = sites(data, "true");
    List<TestOutcome> alone = sites(data, "false");
    assertThat(shared).hasSizeGreaterThanOrEqualTo(4).noneMatch(t -> t.scope().equals("pooled"));
    assertSameAudit(shared, alone);
  }

  /**
   * A small audit runs its pooled scope beside the site group (scopes.site-threads above 1); with
   * one thread every scope runs after the other. Both give the same audit.
   */
  @Test
  void pooledBesideTheSitesGivesTheAuditOfOneScopeAtATime() {
    String data =
        Fixtures.demoData(spark(), dir.resolve("beside"), DemoData.Variant.BIASED, 16, 0.3, 2);
    List<TestOutcome> beside = overlap(data, 4);
    List<TestOutcome> oneByOne = overlap(data, 1);
    assertThat(beside).anyMatch(t -> t.scope().equals("pooled"));
    assertThat(beside).anyMatch(t -> !t.scope().equals("pooled"));
    assertSameAudit(beside, oneByOne);
  }

  private static void assertSameAudit(List<TestOutcome> actual, List<TestOutcome> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      TestOutcome a = expected.get(i);
      TestOutcome s = actual.get(i);
      String what = a.task() + " " + a.scope();
      assertThat(s.scope()).isEqualTo(a.scope());
      assertThat(s.verdict()).as(what).isEqualTo(a.verdict());
      assertThat(s.p()).as(what).isEqualTo(a.p());
      assertThat(s.t()).as(what).isCloseTo(a.t(), org.assertj.core.data.Offset.offset(1e-9));
      assertThat(s.nulls().isPresent()).as(what).isEqualTo(a.nulls().isPresent());
      if (a.nulls().isPresent()) {
        double[] x = a.nulls().get().statistics();
        double[] y = s.nulls().get().statistics();
        for (int k = 0; k < x.length; k++) {
          assertThat(y[k]).as(what).isCloseTo(x[k], org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
  }

  private List<TestOutcome> sites(String data, String share) {
    return run(
        data,
        "sites-out-" + share,
        "scopes.pooled=false",
        "permutation.count=19",
        "permutation.driver-pass-max-mb=0",
        "permutation.share-site-passes=" + share);
  }

  private List<TestOutcome> overlap(String data, int threads) {
    return run(
        data, "beside-out-" + threads, "permutation.count=19", "scopes.site-threads=" + threads);
  }

  private List<TestOutcome> run(String data, String output, String... settings) {
    return new AuditRun(spark(), Fixtures.demoSettings(data, dir.resolve(output), settings))
        .execute()
        .tests();
  }

  /** Driver passes off: a small audit would hold its rows in one partition whatever the input's. */
  @Test
  void samePValuesWithOneAndFourInputPartitions() {
    List<TestOutcome> one = audit(1, "permutation.driver-pass-max-mb=0");
    List<TestOutcome> four = audit(4, "permutation.driver-pass-max-mb=0");
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
