package org.wsca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The generator's rows, without Spark: a pure function of (seed, index). */
class BenchDataTest {
  private static final GridPoint POINT = new GridPoint(1000, 6, 4);

  @Test
  void rowsDependOnlyOnSeedAndIndex() {
    assertThat(BenchData.row(POINT, 7, 42)).isEqualTo(BenchData.row(POINT, 7, 42));
    assertThat(features(BenchData.row(POINT, 7, 42)))
        .isNotEqualTo(features(BenchData.row(POINT, 8, 42)));
  }

  @Test
  void everyClassAndSiteOccursAndIdsSortLikeIndices() {
    Set<Double> labels = new HashSet<>();
    Set<String> sites = new HashSet<>();
    String previous = "";
    for (long i = 0; i < 400; i++) {
      Row row = BenchData.row(POINT, 7, i);
      assertThat(row.getString(0)).isGreaterThan(previous);
      previous = row.getString(0);
      labels.add(row.getDouble(2));
      sites.add(row.getString(3));
      assertThat(((Vector) row.get(1)).size()).isEqualTo(6);
    }
    assertThat(labels).containsExactlyInAnyOrder(0.0, 1.0, 2.0, 3.0);
    assertThat(sites).hasSize(BenchData.SITES);
  }

  private static double[] features(Row row) {
    return ((Vector) row.get(1)).toArray();
  }
}
