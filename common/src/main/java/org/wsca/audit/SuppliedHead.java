package org.wsca.audit;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wsca.errors.WscaException;
import org.wsca.math.Alignment;
import org.wsca.math.Metric;
import org.wsca.math.Projection;
import org.wsca.math.Vectors;
import org.wsca.method.Head;
import org.wsca.settings.Settings;

/**
 * The real model's primary head, supplied by the user (docs/method.md section 3a): class weight
 * vectors, centred when there are several, since softmax heads are defined up to a shift.
 */
public record SuppliedHead(List<String> classes, double[][] weights) {

  public static SuppliedHead load(
      SparkSession spark, Settings.PrimaryHead settings, int dimension) {
    String path = settings.path().orElseThrow();
    Settings.HeadFormat format =
        settings.format() == Settings.HeadFormat.AUTO
            ? (path.toLowerCase().endsWith(".csv")
                ? Settings.HeadFormat.CSV
                : Settings.HeadFormat.PARQUET)
            : settings.format();
    SuppliedHead head =
        format == Settings.HeadFormat.CSV ? fromCsv(spark, path) : fromParquet(spark, path);
    head.requireDimension(path, dimension);
    return head;
  }

  private static SuppliedHead fromParquet(SparkSession spark, String path) {
    Dataset<Row> df = spark.read().parquet(path);
    requireColumns(path, df, "class", "weights");
    List<String> classes = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    for (Row r :
        df.select(col("class").cast("string"), col("weights").cast("array<double>"))
            .orderBy("class")
            .collectAsList()) {
      classes.add(r.getString(0));
      weights.add(r.getList(1).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
    }
    return new SuppliedHead(classes, weights.toArray(new double[0][]));
  }

  private static SuppliedHead fromCsv(SparkSession spark, String path) {
    Dataset<Row> df = spark.read().option("header", "true").option("inferSchema", "true").csv(path);
    requireColumns(path, df, "class", "w0");
    List<String> weightColumns =
        Arrays.stream(df.columns())
            .filter(c -> c.matches("w\\d+"))
            .sorted(
                (a, b) ->
                    Integer.compare(
                        Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))))
            .toList();
    List<String> classes = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    for (Row r : df.orderBy("class").collectAsList()) {
      classes.add(String.valueOf(r.getAs("class").toString()));
      weights.add(
          weightColumns.stream().mapToDouble(c -> ((Number) r.getAs(c)).doubleValue()).toArray());
    }
    return new SuppliedHead(classes, weights.toArray(new double[0][]));
  }

  private static void requireColumns(String path, Dataset<Row> df, String... names) {
    for (String name : names) {
      if (!Arrays.asList(df.columns()).contains(name)) {
        throw WscaException.badInput(
            "Supplied primary head "
                + path
                + " has no column '"
                + name
                + "' (columns: "
                + String.join(", ", df.columns())
                + "). Parquet needs `class` and"
                + " `weights` (array<double>); CSV needs a header `class,w0,w1,...`.");
      }
    }
  }

  private void requireDimension(String path, int dimension) {
    if (weights.length == 0) {
      throw WscaException.badInput("Supplied primary head " + path + " has no rows.");
    }
    for (int i = 0; i < weights.length; i++) {
      if (weights[i].length != dimension) {
        throw WscaException.badInput(
            "Supplied primary head "
                + path
                + ", class '"
                + classes.get(i)
                + "', has dimension "
                + weights[i].length
                + " but the embeddings"
                + " have "
                + dimension
                + ". Fix: supply the head of the model that made these"
                + " embeddings.");
      }
    }
  }

  /** The head in PCA-score coordinates (P w), for heads fitted on the scores. */
  public SuppliedHead projected(Projection projection) {
    double[][] scores = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      scores[i] = projection.project(weights[i]);
    }
    return new SuppliedHead(classes, scores);
  }

  /** The vectors WSC compares: one row as given, several rows centred. */
  public double[][] directions() {
    return weights.length == 1 ? weights.clone() : Vectors.centreRows(weights);
  }

  public List<String> directionLabels() {
    return classes;
  }

  /**
   * The same-task reference: how well the probe fitted on the primary label agrees with the real
   * head, as the largest |cosine| between their directions (as high as alignment gets here).
   */
  public double sameTaskReference(FittedHead probe, Projection projection) {
    return Alignment.of(directions(), probe.directions(), projection, Metric.COSINE).t();
  }

  public Head asHead(String scope) {
    double[][] directions = directions();
    return new Head(
        scope,
        Head.PRIMARY_TASK,
        Head.SUPPLIED,
        classes,
        classes,
        directions,
        weights,
        new double[0],
        true,
        0,
        0,
        null);
  }
}
