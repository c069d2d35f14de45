package org.wsca.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wsca.demo.DemoData;
import org.wsca.settings.Settings;
import org.wsca.settings.SettingsLoader;

/** Test data from the project's own generator or built in code, and settings for auditing it. */
final class Fixtures {
  private Fixtures() {}

  /** Writes a demo variant as site-partitioned Parquet and returns its path. */
  static String demoData(
      SparkSession spark,
      Path dir,
      DemoData.Variant variant,
      int dimension,
      double scale,
      int partitions) {
    String path = dir.resolve("data-" + variant.name().toLowerCase()).toString();
    new DemoData(variant, dimension, 3, 7, DemoData.Strengths.defaults(), scale)
        .generate(spark, partitions)
        .write()
        .mode("overwrite")
        .partitionBy("site")
        .parquet(path);
    return path;
  }

  /** Settings for auditing demo data: conf/demo.conf's columns and tasks, plus overrides. */
  static Settings demoSettings(String input, Path outputRoot, String... overrides) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "input.paths=[\"" + input + "\"]",
                "output.root=\"" + outputRoot + "\"",
                "output.run-id=test",
                "input.columns.label=plane",
                "input.columns.patient-id=patient_id",
                "input.metadata=[{name=scanner, kind=categorical, role=confounder},"
                    + " {name=gestational_age, kind=continuous, role=clinical, bins=4}]"));
    all.addAll(List.of(overrides));
    return SettingsLoader.load(Optional.empty(), all);
  }

  /** A schema of non-null string columns, then a non-null {@code embedding} of doubles. */
  static StructType stringsAndEmbedding(String... columns) {
    List<StructField> fields = new ArrayList<>();
    for (String column : columns) {
      fields.add(DataTypes.createStructField(column, DataTypes.StringType, false));
    }
    fields.add(
        DataTypes.createStructField(
            "embedding", DataTypes.createArrayType(DataTypes.DoubleType, false), false));
    return DataTypes.createStructType(fields);
  }
}
