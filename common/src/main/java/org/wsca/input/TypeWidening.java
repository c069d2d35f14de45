package org.wsca.input;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which column types of differing input files may be read as one, and how a value is read in the
 * wider type without inventing values. A float widens to double through its shortest decimal form
 * (0.7f reads 0.7, not the binary expansion 0.699999988079071), so a category coded as FLOAT at one
 * site and DOUBLE at another stays one category: a float's shortest decimal is what its writer
 * wrote. Embedding elements are numbers, not categories, and widen exactly.
 */
final class TypeWidening {
  private TypeWidening() {}

  /** {@code column}, stored as {@code from} in one group of files, read as {@code to}. */
  static Column widen(Column column, DataType from, DataType to) {
    if (from.equals(DataTypes.FloatType) && to.equals(DataTypes.DoubleType)) {
      return column.cast(DataTypes.StringType).cast(DataTypes.DoubleType);
    }
    return column.cast(to);
  }

  private static final List<DataType> INTEGRAL =
      List.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);
  private static final List<DataType> FLOATING = List.of(DataTypes.FloatType, DataTypes.DoubleType);

  /**
   * The type that holds both without changing a value: the wider integer, double for float and
   * double, element-wise for arrays; null when there is none (int and string, say).
   */
  static DataType wider(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      DataType element = wider(x.elementType(), y.elementType());
      return element == null
          ? null
          : DataTypes.createArrayType(element, x.containsNull() || y.containsNull());
    }
    for (List<DataType> family : List.of(INTEGRAL, FLOATING)) {
      if (family.contains(a) && family.contains(b)) {
        return family.get(Math.max(family.indexOf(a), family.indexOf(b)));
      }
    }
    return null;
  }
}
