package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wsca.testing.LocalSpark;

/**
 * {@link SparkOrder} against Spark's own {@code orderBy} on strings where the orders of Java, of
 * locales and of Spark part: case, accents (composed and combining), the empty string, prefixes,
 * NUL, characters just below the surrogates, private use, and characters above U+FFFF (which Java's
 * {@link String#compareTo} puts before U+E000..U+FFFF and Spark after).
 */
class SparkOrderTest {
  private static final List<String> TRICKY =
      Arrays.asList(
          "",
          "a",
          "A",
          "ab",
          "aB",
          "a ",
          "a\u0000",
          "a\u0000b",
          "b",
          "B",
          "Z",
          "z",
          "_",
          "-",
          "10",
          "9",
          "é",
          "e\u0301",
          "E",
          "f",
          "ß",
          "ss",
          "\u00ff",
          "\u0100",
          "\ud7ff",
          "\ue000",
          "\uffff",
          "\ufb01",
          "😀",
          "😀a",
          "𝔸",
          "日本",
          "日",
          "Ω",
          "ω",
          "p1|siteA",
          "p1|site",
          "p10",
          "p2",
          null);

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start(SparkOrderTest.class, 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sortsTrickyStringsAsSparkDoes() {
    assertThat(sortedHere(TRICKY)).containsExactlyElementsOf(sortedBySpark(TRICKY));
  }

  @Test
  void differsFromJavasOrderAboveU_FFFF() {
    List<String> java = new ArrayList<>(TRICKY.subList(0, TRICKY.size() - 1));
    java.sort(null);
    assertThat(sortedHere(java)).as("the test can tell the orders apart").isNotEqualTo(java);
  }

  @Test
  void sortsRandomStringsAsSparkDoes() {
    SplittableRandom rng = new SplittableRandom(20260101L);
    List<String> values = new ArrayList<>();
    int[] alphabet = {
      'a', 'A', 'z', 0, 0x7f, 0xe9, 0x301, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x1f600,
      0x10ffff
    };
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      int length = rng.nextInt(5);
      for (int k = 0; k < length; k++) {
        s.appendCodePoint(alphabet[rng.nextInt(alphabet.length)]);
      }
      values.add(s.toString());
    }
    assertThat(sortedHere(values)).isEqualTo(sortedBySpark(values));
  }

  @Test
  void keysCompareAsTheComparator() {
    for (String a : TRICKY.subList(0, TRICKY.size() - 1)) {
      for (String b : TRICKY.subList(0, TRICKY.size() - 1)) {
        assertThat(Integer.signum(SparkOrder.compare(SparkOrder.key(a), SparkOrder.key(b))))
            .isEqualTo(Integer.signum(SparkOrder.STRINGS.compare(a, b)));
      }
    }
  }

  private static List<String> sortedHere(List<String> values) {
    List<String> out = new ArrayList<>(values);
    out.sort(SparkOrder.STRINGS);
    return out;
  }

  private static List<String> sortedBySpark(List<String> values) {
    List<Row> rows = new ArrayList<>();
    values.forEach(v -> rows.add(RowFactory.create(v)));
    StructType schema = new StructType().add("v", DataTypes.StringType);
    List<String> out = new ArrayList<>();
    spark
        .createDataFrame(rows, schema)
        .repartition(3)
        .orderBy("v")
        .collectAsList()
        .forEach(r -> out.add(r.getString(0)));
    return out;
  }
}
