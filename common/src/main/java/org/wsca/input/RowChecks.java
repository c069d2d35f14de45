package org.wsca.input;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.settings.Settings;

/**
 * The row checks of docs/method.md section 2: required columns, the first reason each row fails
 * (kept with the row for the rejects table), the counts by reason and the limits on them.
 */
final class RowChecks {
  private static final Logger LOG = LoggerFactory.getLogger(RowChecks.class);

  /** The count key of rows that pass every check. */
  static final String OK = "ok";

  private final Settings.Input input;

  RowChecks(Settings.Input input) {
    this.input = input;
  }

  /** Every configured column is present and the embedding has a usable type. */
  void requireColumns(Dataset<Row> raw) {
    List<String> available = Arrays.asList(raw.columns());
    Settings.Columns c = input.columns();
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put("wsca.input.columns.sample-id", c.sampleId());
    wanted.put("wsca.input.columns.embedding", c.embedding());
    wanted.put("wsca.input.columns.site", c.site());
    wanted.put("wsca.input.columns.label", c.label());
    c.patientId().ifPresent(v -> wanted.put("wsca.input.columns.patient-id", v));
    c.split().ifPresent(v -> wanted.put("wsca.input.columns.split", v));
    for (int i = 0; i < input.metadata().size(); i++) {
      wanted.put("wsca.input.metadata[" + i + "].column", input.metadata().get(i).column());
    }
    wanted.forEach(
        (key, column) -> {
          if (!available.contains(column)) {
            throw InputErrors.missingColumn(column, key, available);
          }
        });
    DataType type = raw.schema().apply(c.embedding()).dataType();
    if (!isEmbeddingType(type)) {
      throw InputErrors.embeddingType(c.embedding(), type);
    }
  }

  private static boolean isEmbeddingType(DataType type) {
    if (type instanceof VectorUDT) {
      return true;
    }
    if (type instanceof ArrayType array) {
      DataType element = array.elementType();
      return element.equals(DataTypes.FloatType) || element.equals(DataTypes.DoubleType);
    }
    return false;
  }

  /** Adds the canonical embedding and the first reason a row fails, or null when it passes. */
  Dataset<Row> withRejectReason(Dataset<Row> raw) {
    Settings.Columns c = input.columns();
    Column embedding = embeddingAsDoubles(raw, c.embedding());
    Column reason =
        when(col(c.sampleId()).isNull(), lit("missing_sample_id"))
            .when(col(c.site()).isNull(), lit("missing_site"))
            .when(col(c.label()).isNull(), lit("missing_primary_label"))
            .when(embedding.isNull(), lit("missing_embedding"))
            .when(size(embedding).equalTo(0), lit("empty_embedding"))
            .when(functionsExists(embedding), lit("non_finite_embedding_value"))
            .when(EmbeddingBounds.anyExtreme(embedding), lit(EmbeddingBounds.REASON));
    if (c.split().isPresent()) {
      Column split = col(c.split().get()).cast("string");
      reason =
          reason.when(
              split.isNull().or(split.isin("train", "test").unary_$bang()),
              lit("invalid_split_value"));
    }
    reason =
        reason.when(
            count(lit(1)).over(Window.partitionBy(col(c.sampleId()))).gt(1),
            lit("duplicate_sample_id"));
    if (c.patientId().isPresent()) {
      reason = withPatientInSeveralSites(reason, col(c.patientId().get()), col(c.site()));
    }
    return raw.withColumn(Canonical.EMBEDDING + "__", embedding)
        .withColumn(Canonical.SOURCE_FILE, input_file_name())
        .withColumn(Canonical.REJECT_REASON, reason.otherwise(lit(null).cast("string")));
  }

  /**
   * A patient seen at two sites breaks both the patient-level split and the site-stratified
   * permutation, and which site is right cannot be known here: all of that patient's rows are
   * quarantined, the reason naming the patient, its sites and the fix.
   */
  private static Column withPatientInSeveralSites(Column reason, Column patient, Column site) {
    Column sites = array_sort(collect_set(site.cast("string")).over(Window.partitionBy(patient)));
    Column detail =
        concat(
            lit(PATIENT_IN_SEVERAL_SITES + ": patient '"),
            patient.cast("string"),
            lit("' appears in sites "),
            array_join(sites, ", "),
            lit(
                ". Fix: give each patient one site, or make patient ids unique per site"
                    + " (e.g. prefix them with the site)"));
    return reason.when(patient.isNotNull().and(size(sites).gt(1)), detail);
  }

  /** The reject reason of a patient seen at several sites; its rows' reasons add the details. */
  public static final String PATIENT_IN_SEVERAL_SITES = "patient_in_several_sites";

  private static Column embeddingAsDoubles(Dataset<Row> raw, String name) {
    DataType type = raw.schema().apply(name).dataType();
    if (type instanceof VectorUDT) {
      return org.apache.spark.ml.functions.vector_to_array(col(name), "float64");
    }
    return col(name).cast("array<double>");
  }

  /** True when any element is null, NaN or infinite. */
  private static Column functionsExists(Column embedding) {
    return org.apache.spark.sql.functions.exists(
        embedding,
        v ->
            v.isNull()
                .or(v.isNaN())
                .or(v.equalTo(Double.POSITIVE_INFINITY))
                .or(v.equalTo(Double.NEGATIVE_INFINITY)));
  }

  /**
   * Rows per reason category (the part before the first colon; passing rows under {@link #OK}) and
   * the passing rows per embedding dimension, from one aggregate: each small job costs far more in
   * fixed overhead than its rows do.
   */
  Tally tally(Dataset<Row> tagged) {
    Column category = substring_index(col(Canonical.REJECT_REASON), ":", 1);
    Column dimension =
        when(col(Canonical.REJECT_REASON).isNull(), size(col(Canonical.EMBEDDING + "__")));
    List<Row> rows =
        tagged
            .groupBy(category.as("category"), dimension.as("d"))
            .agg(
                count(lit(1)).as("n"),
                first(col(input.columns().site()).cast("string")).as("site"),
                first(col(Canonical.SOURCE_FILE)).as("file"))
            .collectAsList();
    Map<String, Long> byReason = new TreeMap<>();
    List<Dimension> dimensions = new ArrayList<>();
    for (Row r : rows) {
      byReason.merge(r.isNullAt(0) ? OK : r.getString(0), r.getLong(2), Long::sum);
      if (r.isNullAt(0)) {
        dimensions.add(new Dimension(r.getInt(1), r.getLong(2), r.getString(3), r.getString(4)));
      }
    }
    byReason.putIfAbsent(OK, 0L);
    dimensions.sort(Comparator.comparingLong(Dimension::rows).reversed());
    return new Tally(byReason, dimensions);
  }

  /** The passing rows of one embedding dimension, with a site and file that has it. */
  record Dimension(int dimension, long rows, String site, String file) {}

  /**
   * What {@link #tally} counted: {@code byReason} (mutable, for the caller to drop {@link #OK}) and
   * the passing rows' dimensions, the most common first.
   */
  record Tally(Map<String, Long> byReason, List<Dimension> dimensions) {
    /** The one embedding dimension of the passing rows (0 when there are none). */
    int requireOneDimension() {
      if (dimensions.size() > 1) {
        Dimension common = dimensions.get(0);
        String others =
            dimensions.subList(1, dimensions.size()).stream()
                .map(
                    d ->
                        "dimension "
                            + d.dimension()
                            + " in "
                            + d.rows()
                            + " rows (e.g. site="
                            + d.site()
                            + ", file "
                            + d.file()
                            + ")")
                .collect(Collectors.joining("; "));
        throw InputErrors.mixedDimensions(others, common.dimension(), common.rows(), common.site());
      }
      return dimensions.isEmpty() ? 0 : dimensions.get(0).dimension();
    }
  }

  private static final int EXAMPLES = 5;

  /** Up to five patients seen at several sites, each with its sites, logged as a warning. */
  static String patientsInSeveralSites(Dataset<Row> tagged) {
    List<Row> rows =
        tagged
            .select(col(Canonical.REJECT_REASON))
            .filter(col(Canonical.REJECT_REASON).startsWith(PATIENT_IN_SEVERAL_SITES + ":"))
            .distinct()
            .orderBy(Canonical.REJECT_REASON)
            .limit(EXAMPLES)
            .collectAsList();
    String examples =
        rows.stream()
            .map(r -> r.getString(0).substring(PATIENT_IN_SEVERAL_SITES.length() + 2))
            .collect(Collectors.joining("; "));
    LOG.warn(
        "Rows of patients seen at several sites go to the rejects table ({}): {}",
        PATIENT_IN_SEVERAL_SITES,
        examples);
    return " Patients at several sites (up to " + EXAMPLES + "): " + examples + ".";
  }

  void requireFewRejects(long rowsRead, long rejected, Map<String, Long> byReason, String details) {
    if (rowsRead == 0) {
      throw InputErrors.noRows(input.paths());
    }
    double fraction = (double) rejected / rowsRead;
    if (fraction > input.maxRejectFraction()) {
      throw InputErrors.tooManyRejects(
          rejected, rowsRead, fraction, input.maxRejectFraction(), byReason, details);
    }
  }
}
