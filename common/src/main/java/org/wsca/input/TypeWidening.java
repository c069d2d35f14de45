package org.wsca.input;

import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Which column types of differing input files may be read as one. */
final class TypeWidening {
  private TypeWidening() {}

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
