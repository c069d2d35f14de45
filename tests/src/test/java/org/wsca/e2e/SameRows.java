package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Result rows of two runs of the same audit, compared field by field: doubles within 1e-9,
 * everything else exactly. The batched engine's T_b differ between two uninterrupted runs by about
 * 1e-11, because Spark adds the partitions' partial gradients in the order their tasks finish;
 * everything computed from them that is not a double (p, q as ranks, verdicts) is equal.
 */
public final class SameRows {
  private static final double TOLERANCE = 1e-9;

  private SameRows() {}

  public static void assertSame(List<Row> actual, List<Row> expected) {
    assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
    for (int i = 0; i < actual.size(); i++) {
      Row a = actual.get(i);
      Row e = expected.get(i);
      assertThat(a.schema()).isEqualTo(e.schema());
      for (int f = 0; f < a.length(); f++) {
        String where = "row " + i + " " + a.schema().fields()[f].name() + " of " + e;
        if (e.get(f) instanceof Double d) {
          assertThat(a.getDouble(f)).as(where).isCloseTo(d, within(TOLERANCE));
        } else {
          assertThat(a.get(f)).as(where).isEqualTo(e.get(f));
        }
      }
    }
  }
}
