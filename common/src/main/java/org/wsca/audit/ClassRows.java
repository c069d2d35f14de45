package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.wsca.input.Canonical;
import org.wsca.method.ClassIndex;
import org.wsca.settings.Settings;

/**
 * The classes of a scope's training rows for a task or the primary label: their index and counts,
 * the too-few-rows check, each row's class index as a column, and the permutation stratum column.
 */
final class ClassRows {
  private static final String CLASS = "class_value";

  private ClassRows() {}

  static long trainRows(ClassIndex classes) {
    long n = 0;
    for (int i = 0; i < classes.size(); i++) {
      n += classes.count(i);
    }
    return n;
  }

  static Optional<String> tooFewRows(String what, ClassIndex classes, int min) {
    if (classes.size() < 2) {
      return Optional.of(
          what
              + " has "
              + classes.size()
              + " class(es) "
              + classes.classes()
              + " in the training rows; at least 2 are needed");
    }
    int rarest = classes.rarest();
    if (classes.count(rarest) < min) {
      return Optional.of(
          what
              + " class '"
              + classes.classes().get(rarest)
              + "' has "
              + classes.count(rarest)
              + " training rows, fewer than wsca.scopes.min-rows-per-class = "
              + min);
    }
    return Optional.empty();
  }

  static ClassIndex classIndex(Dataset<Row> train, Column classColumn) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Row r : train.groupBy(classColumn.as(CLASS)).count().collectAsList()) {
      if (!r.isNullAt(0)) {
        counts.put(r.getString(0), r.getLong(1));
      }
    }
    return ClassIndex.of(counts);
  }

  static Column indexOf(ClassIndex classes, Column value) {
    UDF1<String, Double> index = v -> v == null ? null : (double) classes.index(v);
    return udf(index, DataTypes.DoubleType).apply(value);
  }

  static Column stratum(List<Settings.Stratum> strata) {
    List<Column> parts = new ArrayList<>();
    for (Settings.Stratum s : strata) {
      parts.add(col(s == Settings.Stratum.LABEL ? Canonical.LABEL : Canonical.SITE));
    }
    return concat_ws("|", parts.toArray(new Column[0]));
  }
}
