package org.wsca.study;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wsca.demo.ReluEmbeddings;

/**
 * The study's ReLU-shaped data ({@link ReluEmbeddings} at its default 64-d shape: dead and
 * near-dead units, scales over two orders of magnitude, heavy tails): one image per patient, the
 * label of 4 classes, a scanner that mostly follows the site, and {@code noise}, a binary task
 * independent of everything. Float embeddings, as networks export them. Rows are generated where
 * they are written, each from its own stream, so the data do not depend on the partitioning.
 */
final class ReluData {
  static final String NOISE = "noise";

  private ReluData() {}

  static StructType schema() {
    List<String> strings = List.of("sample_id", "patient_id", "site", "label", "scanner", NOISE);
    List<org.apache.spark.sql.types.StructField> fields = new ArrayList<>();
    for (String name : strings) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, false));
    }
    fields.add(
        DataTypes.createStructField(
            "embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false));
    return DataTypes.createStructType(fields);
  }

  static Dataset<Row> generate(SparkSession spark, long seed, long rows, int partitions) {
    ReluEmbeddings generator = ReluEmbeddings.of(ReluEmbeddings.Shape.defaults(), seed);
    MapPartitionsFunction<Long, Row> images =
        ids -> {
          List<Row> out = new ArrayList<>();
          while (ids.hasNext()) {
            out.add(image(generator.row(ids.next())));
          }
          return out.iterator();
        };
    return spark
        .range(0, rows, 1, partitions)
        .as(Encoders.LONG())
        .mapPartitions(images, Encoders.row(schema()));
  }

  private static Row image(ReluEmbeddings.Row r) {
    String id = String.format("img%06d", r.index());
    float[] x = new float[r.embedding().length];
    for (int j = 0; j < x.length; j++) {
      x[j] = (float) r.embedding()[j];
    }
    return RowFactory.create(
        id,
        id,
        "site" + (char) ('A' + r.site()),
        "class" + r.label(),
        "scanner" + r.scanner(),
        r.noise() == 1 ? "yes" : "no",
        x);
  }
}
