package org.wsca.output;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** What the result, history and manifest tables share: nullable columns and their values. */
final class TableColumns {
  static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);
  static final DataType COUNTS =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);

  private TableColumns() {}

  static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  static StructType schema(StructField... fields) {
    return DataTypes.createStructType(fields);
  }

  /** One row per item, in the items' order. */
  static <T> Dataset<Row> frame(
      SparkSession spark, StructType schema, List<T> items, Function<T, Row> row) {
    return spark.createDataFrame(items.stream().map(row).toList(), schema);
  }

  /** Parquet has no NaN-free convention for "not computed": null says it plainly. */
  static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  static List<Double> list(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  static List<List<Double>> matrix(double[][] values) {
    return Arrays.stream(values).map(TableColumns::list).toList();
  }
}
