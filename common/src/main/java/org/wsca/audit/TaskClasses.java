package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
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
import org.wsca.math.QuantileBins;
import org.wsca.method.ClassIndex;
import org.wsca.method.Kind;
import org.wsca.settings.Settings;

/**
 * The classes of one metadata task in one scope (docs/method.md section 3): a continuous task's
 * quantile bins on the scope's training rows, the column holding each row's class, the class index
 * of the training rows, the names the tables show, and the rows per class of both splits.
 *
 * @param column each row's class: the value, or its bin for a continuous task
 * @param index the classes of the training rows, in the method's order, with their counts
 * @param names each class as the tables show it (a bin's interval for a continuous task)
 * @param testCounts held-out rows per class name, of the training rows' classes only
 * @param missing rows of either split without a value for the task
 */
record TaskClasses(
    Column column,
    ClassIndex index,
    List<String> names,
    Map<String, Long> testCounts,
    long missing) {
  private static final String CLASS = "class_value";

  /**
   * The classes of {@code task}, whose values are in column {@code value}, on the scope's {@code
   * rows} (both splits). Every count comes from one aggregate over (class, split): each small job
   * costs far more in fixed overhead than its rows do.
   */
  static TaskClasses of(Settings.MetadataTask task, Dataset<Row> rows, String value) {
    Dataset<Row> train =
        rows.filter(col(value).isNotNull()).filter(col(Canonical.IS_TEST).equalTo(false));
    Optional<QuantileBins> bins = bins(task, train, value);
    Column column = bins.map(b -> binOf(b, col(value))).orElse(col(value));
    List<Row> tally =
        rows.groupBy(column.as(CLASS), col(Canonical.IS_TEST)).count().collectAsList();
    ClassIndex index = ClassIndex.of(split(tally, false));
    List<String> names = bins.map(b -> binNames(b, index)).orElse(index.classes());
    return new TaskClasses(column, index, names, testCounts(tally, index, names), missing(tally));
  }

  /** Rows per class of one split ({@code test} false: the training rows). */
  private static Map<String, Long> split(List<Row> tally, boolean test) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Row r : tally) {
      if (!r.isNullAt(0) && !r.isNullAt(1) && r.getBoolean(1) == test) {
        out.put(r.getString(0), r.getLong(2));
      }
    }
    return out;
  }

  /** Held-out rows per class name; classes the training rows never showed are not tested. */
  private static Map<String, Long> testCounts(
      List<Row> tally, ClassIndex index, List<String> names) {
    Map<String, Long> out = new LinkedHashMap<>();
    names.forEach(n -> out.put(n, 0L));
    split(tally, true)
        .forEach(
            (c, n) -> {
              int i = index.index(c);
              if (i >= 0) {
                out.put(names.get(i), n);
              }
            });
    return out;
  }

  private static long missing(List<Row> tally) {
    return tally.stream().filter(r -> r.isNullAt(0)).mapToLong(r -> r.getLong(2)).sum();
  }

  int size() {
    return index.size();
  }

  /** Training rows per class name. */
  Map<String, Long> trainCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < index.size(); i++) {
      out.put(names.get(i), index.count(i));
    }
    return out;
  }

  /** Why a task declared binary cannot be tested as such, when it has other than two classes. */
  Optional<String> kindMismatch(Settings.MetadataTask task) {
    if (task.kind() == Kind.BINARY && index.size() != 2) {
      return Optional.of(
          "task "
              + task.name()
              + " is declared binary but has "
              + index.size()
              + " classes "
              + index.classes()
              + "; set its kind = categorical");
    }
    return Optional.empty();
  }

  private static Optional<QuantileBins> bins(
      Settings.MetadataTask task, Dataset<Row> train, String value) {
    if (task.kind() != Kind.CONTINUOUS) {
      return Optional.empty();
    }
    int q = task.bins();
    double[] probabilities = new double[q - 1];
    for (int i = 1; i < q; i++) {
      probabilities[i - 1] = (double) i / q;
    }
    // Relative error 0 asks Spark for exact quantiles of the scope's training rows.
    double[] edges = train.stat().approxQuantile(value, probabilities, 0.0);
    return Optional.of(QuantileBins.fromInnerEdges(edges));
  }

  private static Column binOf(QuantileBins bins, Column value) {
    UDF1<Double, String> bin = v -> v == null ? null : Integer.toString(bins.bin(v));
    return udf(bin, DataTypes.StringType).apply(value);
  }

  private static List<String> binNames(QuantileBins bins, ClassIndex classes) {
    List<String> out = new ArrayList<>();
    for (String c : classes.classes()) {
      out.add(bins.label(Integer.parseInt(c)));
    }
    return out;
  }
}
