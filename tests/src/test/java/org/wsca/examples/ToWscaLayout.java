package org.wsca.examples;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's Spark example ("Your own data"): a model's embeddings and a metadata table turned
 * into WSCA's input layout. Same input and output as docs/examples/to-wsca-layout.sql (DuckDB).
 * OwnDataExampleTest runs both and audits the result with conf/audit.conf.
 */
public final class ToWscaLayout {
  private ToWscaLayout() {}

  /**
   * Joins {@code embeddings} (Parquet: image_id, embedding) with {@code metadataCsv} (image_id,
   * patient_id, hospital, diagnosis, scanner_model, age) and writes {@code output}/site=.../.
   */
  public static void write(
      SparkSession spark, String embeddings, String metadataCsv, String output) {
    Dataset<Row> vectors = spark.read().parquet(embeddings);
    Dataset<Row> metadata = spark.read().option("header", "true").csv(metadataCsv);
    vectors
        .join(metadata, "image_id")
        .select(
            col("image_id").cast("string").as("sample_id"),
            col("embedding").cast("array<float>").as("embedding"),
            col("hospital").cast("string").as("site"),
            col("diagnosis").cast("string").as("label"),
            col("patient_id").cast("string").as("patient_id"),
            col("scanner_model").cast("string").as("scanner"),
            col("age").cast("double").as("age"))
        .write()
        .mode("overwrite")
        .partitionBy("site")
        .parquet(output);
  }
}
