package org.wsca.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.wsca.input.Canonical;
import org.wsca.math.PermutationDesign;
import org.wsca.math.SampleRanks;
import org.wsca.math.SparkOrder;

/**
 * The stratum helper both permutation engines share (docs/method.md section 6): the task's labels
 * of each stratum in sample_id order, the input of every permutation.
 */
record StrataLabels(List<String> names, int[][] labels) {
  /**
   * Each row's position inside its stratum in sample_id order, from 0: how labels are addressed.
   */
  static Column rank() {
    return row_number()
        .over(Window.partitionBy(TaskData.STRATUM).orderBy(Canonical.SAMPLE_ID))
        .minus(1);
  }

  /**
   * The permutation design of a task's training rows (docs/method.md section 6.2): per stratum in
   * sample_id order, with each row's patient when {@code patients} (whole patients then move).
   * Collected on the driver once per test, before any permuted head is fitted, and sorted there in
   * Spark's string order ({@link SparkOrder}): the rows are few, and a distributed sort costs a
   * sampling job and a shuffle for each design.
   */
  static PermutationDesign design(Dataset<Row> train, boolean patients) {
    List<Row> rows =
        train
            .select(
                col(TaskData.STRATUM),
                col(Canonical.SAMPLE_ID),
                col(TaskData.Y),
                patients ? col(Canonical.PATIENT_ID) : lit(null).cast(DataTypes.StringType))
            .collectAsList();
    return grouped(bySampleId(rows), patients);
  }

  /**
   * The design of rows (stratum, sample_id, class index, patient or null) already in their order
   * inside each stratum; strata by name.
   */
  static PermutationDesign grouped(List<Row> ordered, boolean patients) {
    Map<String, List<Row>> byStratum = new TreeMap<>();
    for (Row r : ordered) {
      byStratum.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    List<String> names = new ArrayList<>(byStratum.keySet());
    int[][] labels = new int[names.size()][];
    String[][] patientIds = new String[names.size()][];
    String[][] sampleIds = new String[names.size()][];
    for (int s = 0; s < names.size(); s++) {
      List<Row> stratum = byStratum.get(names.get(s));
      labels[s] = stratum.stream().mapToInt(r -> (int) r.getDouble(2)).toArray();
      patientIds[s] = stratum.stream().map(r -> r.getString(3)).toArray(String[]::new);
      sampleIds[s] = stratum.stream().map(r -> r.getString(1)).toArray(String[]::new);
    }
    PermutationDesign design =
        patients
            ? PermutationDesign.patients(names, labels, patientIds)
            : PermutationDesign.images(names, labels);
    return design.withRanks(SampleRanks.of(sampleIds));
  }

  /** The rows in {@link #rank()}'s order inside each stratum: sample_id, in Spark's order. */
  private static List<Row> bySampleId(List<Row> rows) {
    List<Map.Entry<byte[], Row>> keyed = new ArrayList<>(rows.size());
    for (Row r : rows) {
      keyed.add(Map.entry(SparkOrder.key(r.getString(1)), r));
    }
    keyed.sort((a, b) -> SparkOrder.compare(a.getKey(), b.getKey()));
    return keyed.stream().map(Map.Entry::getValue).toList();
  }

  /** The design's strata and labels, as the engines address them. */
  static StrataLabels of(PermutationDesign design) {
    int[][] labels = new int[design.strata().size()][];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = design.labels(s);
    }
    return new StrataLabels(design.strata(), labels);
  }

  /** Stratum name to its index in {@link #names()} and {@link #labels()}. */
  Map<String, Integer> positions() {
    return positions(names);
  }

  static Map<String, Integer> positions(List<String> names) {
    Map<String, Integer> out = new HashMap<>();
    for (int s = 0; s < names.size(); s++) {
      out.put(names.get(s), s);
    }
    return out;
  }
}
