package org.wsca.input;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.wsca.errors.WscaException;
import org.wsca.settings.Settings;

/**
 * Reads the users' Parquet, maps their column names onto {@link Canonical} ones and validates every
 * row before any fitting (docs/method.md section 2). Failing rows are kept with a reason. The steps
 * live in {@link InputFiles}, {@link RowChecks} and {@link CanonicalColumns}; errors in {@link
 * InputErrors}.
 */
public final class InputReader {
  /** The reject reason of a patient seen at several sites; its rows' reasons add the details. */
  public static final String PATIENT_IN_SEVERAL_SITES = RowChecks.PATIENT_IN_SEVERAL_SITES;

  private final SparkSession spark;
  private final Settings.Input input;

  public InputReader(SparkSession spark, Settings.Input input) {
    this.spark = spark;
    this.input = input;
  }

  public ValidatedInput read() {
    List<InputFile> files = new InputFiles(spark, input).list();
    try {
      return validate(files);
    } catch (WscaException e) {
      throw e;
    } catch (Exception e) {
      // Spark reads lazily: a corrupt file fails at the first footer or row read, here.
      Optional<String> file = UnreadableFile.namedIn(e, files);
      if (file.isEmpty()) {
        throw e;
      }
      throw UnreadableFile.error(file.get(), e);
    }
  }

  /**
   * Validates rows already in memory (the library API), with the same checks, column mapping and
   * reject reasons as files; {@code input.paths} is not used.
   */
  public ValidatedInput validate(Dataset<Row> rows) {
    return validate(rows, List.of());
  }

  private ValidatedInput validate(List<InputFile> files) {
    return validate(new InputFiles(spark, input).read(files), files);
  }

  private ValidatedInput validate(Dataset<Row> raw, List<InputFile> files) {
    RowChecks checks = new RowChecks(input);
    checks.requireColumns(raw);
    Dataset<Row> tagged = checks.withRejectReason(raw).persist(StorageLevel.MEMORY_AND_DISK());
    RowChecks.Tally tally = checks.tally(tagged);
    Map<String, Long> byReason = tally.byReason();
    long rowsRead = byReason.values().stream().mapToLong(Long::longValue).sum();
    byReason.remove(RowChecks.OK);
    long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
    String patients =
        byReason.containsKey(RowChecks.PATIENT_IN_SEVERAL_SITES)
            ? RowChecks.patientsInSeveralSites(tagged)
            : "";
    checks.requireFewRejects(rowsRead, rejected, byReason, patients);
    Dataset<Row> valid =
        new CanonicalColumns(input).select(tagged.filter(col(Canonical.REJECT_REASON).isNull()));
    int dimension = tally.requireOneDimension();
    Dataset<Row> rejects =
        tagged.filter(col(Canonical.REJECT_REASON).isNotNull()).drop(Canonical.EMBEDDING + "__");
    return new ValidatedInput(
        valid, rejects, dimension, rowsRead, rejected, byReason, files, tagged);
  }
}
