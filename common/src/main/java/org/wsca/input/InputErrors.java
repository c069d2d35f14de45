package org.wsca.input;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.wsca.errors.WscaException;

/**
 * The user-facing errors of reading and validating input, built in one place (in the style of
 * Delta's error factories): each names the offending value and the fix.
 */
final class InputErrors {
  private InputErrors() {}

  static WscaException pathMissing(String p) {
    return WscaException.badInput(
        "Input path "
            + p
            + " does not exist. Fix wsca.input.paths (or --input) to name"
            + " a Parquet folder or file.");
  }

  static WscaException cannotList(String p, Exception e) {
    return WscaException.badInput("Cannot list input path " + p + ": " + e.getMessage());
  }

  static WscaException noDataFiles(List<String> paths) {
    return WscaException.badInput(
        "Input paths "
            + paths
            + " hold no data files. Point wsca.input.paths at the"
            + " folder that holds the Parquet files (or site=... partition folders).");
  }

  static WscaException cannotOpen(String path, Exception e) {
    return WscaException.badInput("Cannot open input path " + path + ": " + e.getMessage());
  }

  /** {@code firstPlace} and {@code secondPlace} describe the two groups of files. */
  static WscaException typeConflict(
      String column,
      String firstPlace,
      StructType firstSchema,
      DataType firstType,
      String secondPlace,
      StructType secondSchema,
      DataType secondType) {
    return WscaException.badInput(
        "Column '"
            + column
            + "' is "
            + firstType.simpleString()
            + " in "
            + firstPlace
            + " but "
            + secondType.simpleString()
            + " in "
            + secondPlace
            + ". The two schemas: "
            + firstSchema.simpleString()
            + " and "
            + secondSchema.simpleString()
            + ". Integer types of different widths"
            + " and float/double are read as one type, but "
            + firstType.simpleString()
            + " and "
            + secondType.simpleString()
            + " are not. Fix: export '"
            + column
            + "' with one type at every site (e.g. cast it in the export), or audit these"
            + " inputs separately.");
  }

  static WscaException missingColumn(String column, String key, List<String> available) {
    return WscaException.badInput(
        "Column '"
            + column
            + "' ("
            + key
            + ") is not in the input. Available columns: "
            + String.join(", ", available)
            + ". Fix: set "
            + key
            + " to one of them.");
  }

  static WscaException embeddingType(String column, DataType type) {
    return WscaException.badInput(
        "Embedding column '"
            + column
            + "' has type "
            + type.simpleString()
            + "; expected array<float>, array<double> or an ML vector. Fix: export the"
            + " embedding as one of those types, or point wsca.input.columns.embedding at one.");
  }

  static WscaException noRows(List<String> paths) {
    return WscaException.badInput("The input at " + paths + " has no rows. Fix wsca.input.paths.");
  }

  static WscaException tooManyRejects(
      long rejected,
      long rowsRead,
      double fraction,
      double maxRejectFraction,
      Map<String, Long> byReason,
      String details) {
    return WscaException.badInput(
        String.format(
            "%d of %d input rows (%.1f%%) failed validation, more than"
                + " wsca.input.max-reject-fraction = %s. Reasons: %s. Fix the export, or raise"
                + " wsca.input.max-reject-fraction if these rows may be dropped.%s",
            rejected, rowsRead, 100 * fraction, maxRejectFraction, byReason, details));
  }

  /** {@code others}: the differing dimensions with their row counts and an example each. */
  static WscaException mixedDimensions(
      String others, int commonDimension, long commonRows, String commonSite) {
    return WscaException.badInput(
        "Embeddings must share one dimension: "
            + others
            + " differs from "
            + commonDimension
            + " in "
            + commonRows
            + " rows (e.g. site="
            + commonSite
            + "). Fix: export every site with the same model, or audit them separately.");
  }
}
