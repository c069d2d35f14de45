package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * The result tables of a committed run, to compare two runs. Spark adds up partial sums in the
 * order tasks finish, so doubles of two correct runs may differ in their last bits (as between any
 * two runs; see DeterminismTest): they are compared to 1e-9 relative, everything else (tasks,
 * scopes, classes, counts, p-values, verdicts) exactly.
 */
final class Tables {
  private Tables() {}

  static final List<String> RESULTS = List.of("tests", "heads", "wsc", "pca");
  private static final double TOLERANCE = 1e-9;

  /** Each table's rows, every value flattened, rows sorted by their non-double values. */
  static Map<String, List<List<Object>>> read(SparkSession spark, String runPath) {
    Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
    for (String table : RESULTS) {
      List<List<Object>> rows = new ArrayList<>();
      for (Row row : spark.read().parquet(runPath + "/" + table).collectAsList()) {
        List<Object> values = new ArrayList<>();
        flatten(row, values);
        rows.add(values);
      }
      rows.sort(Comparator.comparing(Tables::key));
      tables.put(table, rows);
    }
    return tables;
  }

  private static void flatten(Object value, List<Object> out) {
    if (value instanceof Row row) {
      for (int i = 0; i < row.size(); i++) {
        flatten(row.get(i), out);
      }
    } else if (value instanceof scala.collection.Seq<?> seq) {
      JavaConverters.seqAsJavaList(seq).forEach(v -> flatten(v, out));
    } else if (value instanceof Double d) {
      out.add(d);
    } else {
      out.add(String.valueOf(value));
    }
  }

  private static String key(List<Object> row) {
    return row.stream()
        .filter(v -> !(v instanceof Double))
        .map(Object::toString)
        .toList()
        .toString();
  }

  static void assertSameResults(
      Map<String, List<List<Object>>> actual, Map<String, List<List<Object>>> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (table, rows) -> {
          List<List<Object>> other = actual.get(table);
          assertThat(other).as(table).hasSameSizeAs(rows);
          for (int r = 0; r < rows.size(); r++) {
            assertSameRow(table, other.get(r), rows.get(r));
          }
        });
  }

  private static void assertSameRow(String table, List<Object> actual, List<Object> expected) {
    assertThat(actual).as("%s row %s", table, expected).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e instanceof Double x && a instanceof Double y) {
        double scale = Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
        assertThat(Math.abs(x - y))
            .as("%s value %d of row %s: %s vs %s", table, i, expected, y, x)
            .isLessThanOrEqualTo(TOLERANCE * scale);
      } else {
        assertThat(a).as("%s value %d of row %s", table, i, expected).isEqualTo(e);
      }
    }
  }
}
