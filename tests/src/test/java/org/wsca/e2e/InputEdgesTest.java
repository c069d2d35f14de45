package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.input.Canonical;
import org.wsca.input.InputReader;
import org.wsca.input.ValidatedInput;
import org.wsca.settings.SettingsLoader;

/**
 * Input cases of issue 15. Case 4: a metadata column coded 0.7 / 0.3 stored as FLOAT at one site
 * and DOUBLE at the other used to read as four categories (0.699999988079071 beside 0.7), so the
 * pooled scope decoded the site from a pure-noise column; it must read as the two categories
 * written. Case 8: finite but extreme embedding values ended in an Infinity deep in the linear
 * algebra (exit 1); they are bad rows with a reason.
 */
class InputEdgesTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void aFloatCodedCategoryEqualsItsDoubleCodedTwin() {
    write("A", DataTypes.FloatType, 0);
    write("B", DataTypes.DoubleType, 40);

    ValidatedInput input =
        new InputReader(
                spark(),
                SettingsLoader.load(
                        Optional.empty(),
                        List.of(
                            "input.paths=[\"" + dir.resolve("in") + "\"]",
                            "input.metadata=[{name=code, kind=categorical},"
                                + " {name=level, kind=continuous}]"))
                    .input())
            .read();

    List<Row> codes =
        input
            .valid()
            .groupBy(Canonical.metadata("code"))
            .count()
            .orderBy(Canonical.metadata("code"))
            .collectAsList();
    assertThat(codes)
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("0.3=40", "0.7=40");
    List<Row> levels = input.valid().select(Canonical.metadata("level")).distinct().collectAsList();
    assertThat(levels).extracting(r -> r.getDouble(0)).containsExactlyInAnyOrder(0.7, 0.3);
  }

  @Test
  void extremeFiniteEmbeddingValuesAreRejectedWithTheirReason() {
    StructType schema =
        new StructType()
            .add("sample_id", DataTypes.StringType)
            .add("site", DataTypes.StringType)
            .add("embedding", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("label", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double big = i < 2 ? (i == 0 ? 1e300 : -1e101) : i * 0.1;
      rows.add(RowFactory.create("e" + i, "A", List.of(big, 1e99), "l" + i % 2));
    }
    spark().createDataFrame(rows, schema).write().parquet(dir.resolve("extreme").toString());

    ValidatedInput input =
        new InputReader(
                spark(),
                SettingsLoader.load(
                        Optional.empty(),
                        List.of(
                            "input.paths=[\"" + dir.resolve("extreme") + "\"]",
                            "input.max-reject-fraction=0.1"))
                    .input())
            .read();

    assertThat(input.rejectsByReason()).containsExactly(Map.entry("extreme_embedding_value", 2L));
    assertThat(input.rowsValid()).isEqualTo(38);
  }

  /** 40 rows of {@code site}: codes 0.7 and 0.3 alternating, stored as {@code type}. */
  private void write(String site, DataType type, int firstId) {
    StructType schema =
        new StructType()
            .add("sample_id", DataTypes.StringType)
            .add("embedding", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("label", DataTypes.StringType)
            .add("code", type)
            .add("level", type);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double code = i % 2 == 0 ? 0.7 : 0.3;
      Object value = type.equals(DataTypes.FloatType) ? (Object) (float) code : (Object) code;
      rows.add(
          RowFactory.create(
              "s" + (firstId + i), List.of(i * 0.1, 1.0 - i * 0.01), "l" + i % 2, value, value));
    }
    spark()
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("in/site=" + site).toString());
  }
}
