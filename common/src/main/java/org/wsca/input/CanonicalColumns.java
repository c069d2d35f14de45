package org.wsca.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wsca.method.Kind;
import org.wsca.settings.Settings;

/** Maps the users' column names onto the {@link Canonical} ones (docs/method.md section 2). */
final class CanonicalColumns {
  private final Settings.Input input;

  CanonicalColumns(Settings.Input input) {
    this.input = input;
  }

  /** The passing rows with the {@link Canonical} columns only. */
  Dataset<Row> select(Dataset<Row> passed) {
    Settings.Columns c = input.columns();
    List<Column> columns = new ArrayList<>();
    columns.add(col(c.sampleId()).cast("string").as(Canonical.SAMPLE_ID));
    columns.add(col(c.site()).cast("string").as(Canonical.SITE));
    columns.add(col(Canonical.EMBEDDING + "__").as(Canonical.EMBEDDING));
    columns.add(col(c.label()).cast("string").as(Canonical.LABEL));
    columns.add(optional(c.patientId()).as(Canonical.PATIENT_ID));
    columns.add(optional(c.split()).as(Canonical.SPLIT));
    for (Settings.MetadataTask task : input.metadata()) {
      columns.add(metadataValue(task).as(Canonical.metadata(task.name())));
    }
    columns.add(col(Canonical.SOURCE_FILE));
    return passed.select(columns.toArray(new Column[0]));
  }

  private static Column optional(Optional<String> column) {
    return column.map(name -> col(name).cast("string")).orElse(lit(null).cast("string"));
  }

  /** Continuous values that are not finite numbers count as missing for that task only. */
  private static Column metadataValue(Settings.MetadataTask task) {
    if (task.kind() == Kind.CONTINUOUS) {
      Column v = col(task.column()).cast("double");
      return when(
              v.isNaN()
                  .or(v.equalTo(Double.POSITIVE_INFINITY))
                  .or(v.equalTo(Double.NEGATIVE_INFINITY)),
              lit(null).cast("double"))
          .otherwise(v);
    }
    return col(task.column()).cast("string");
  }
}
