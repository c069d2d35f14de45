package org.wsca.demo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Synthetic multi-site embeddings that mirror the paper's induced-shortcut validation
 * (docs/method.md section 9): 4 fetal planes (the primary label) x 3 scanners (a confounder) with
 * the paper's cell sizes, a clinical continuous factor (gestational age) that drives the label,
 * site offsets and noise.
 *
 * <p>The embedding is {@code x = plane signal + scanner signal + age * u_age + site offset +
 * noise}. The scanner is strongly encoded and the plane only weakly, as in shortcut learning: where
 * the scanner predicts the plane ({@link Variant#BIASED}) a probe for the plane leans on the
 * scanner directions; where it does not ({@link Variant#BALANCED}) it cannot.
 *
 * <p>Rows are generated where they are written: row i draws from its own seeded stream, so the data
 * are the same whatever the partitioning.
 */
public final class DemoData implements Serializable {
  public static final List<String> PLANES = List.of("abdomen", "head", "femur", "thorax");
  public static final List<String> SCANNERS = List.of("E10", "S10", "E6");

  /** Rows per (plane, scanner) cell, from docs/method.md section 9. */
  public enum Variant {
    BALANCED(new int[][] {{300, 300, 300}, {300, 300, 300}, {300, 300, 300}, {300, 300, 300}}),
    BIASED(new int[][] {{150, 150, 658}, {150, 700, 150}, {700, 150, 150}, {700, 150, 150}});

    private final int[][] cells;

    Variant(int[][] cells) {
      this.cells = cells;
    }

    public int rows(int plane, int scanner) {
      return cells[plane][scanner];
    }

    public static Variant parse(String value) {
      try {
        return valueOf(value.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Unknown demo variant '" + value + "'; use balanced or biased.");
      }
    }
  }

  /** Effect sizes in units of the per-coordinate noise sd. */
  public record Strengths(double plane, double scanner, double age, double site, double noise)
      implements Serializable {
    public static Strengths defaults() {
      return new Strengths(0.6, 3.0, 1.2, 1.5, 1.0);
    }
  }

  private final Variant variant;
  private final int dimension;
  private final int sites;
  private final long seed;
  private final Strengths strengths;
  private final double scale;

  public DemoData(
      Variant variant, int dimension, int sites, long seed, Strengths strengths, double scale) {
    if (dimension < 8) {
      throw new IllegalArgumentException(
          "Demo dimension " + dimension + " is too small; use >= 8.");
    }
    this.variant = variant;
    this.dimension = dimension;
    this.sites = sites;
    this.seed = seed;
    this.strengths = strengths;
    this.scale = scale;
  }

  public static StructType schema() {
    return DataTypes.createStructType(
        List.of(
            DataTypes.createStructField("sample_id", DataTypes.StringType, false),
            DataTypes.createStructField("patient_id", DataTypes.StringType, false),
            DataTypes.createStructField("site", DataTypes.StringType, false),
            DataTypes.createStructField("plane", DataTypes.StringType, false),
            DataTypes.createStructField("scanner", DataTypes.StringType, false),
            DataTypes.createStructField("gestational_age", DataTypes.DoubleType, false),
            DataTypes.createStructField(
                "embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false)));
  }

  public long rows() {
    long n = 0;
    for (int p = 0; p < PLANES.size(); p++) {
      for (int s = 0; s < SCANNERS.size(); s++) {
        n += cellRows(p, s);
      }
    }
    return n;
  }

  private long cellRows(int plane, int scanner) {
    return Math.round(variant.rows(plane, scanner) * scale);
  }

  /** Generates the rows and writes them as site-partitioned Parquet, replacing {@code path}. */
  public void write(SparkSession spark, String path, int partitions) {
    writeBySite(generate(spark, partitions), path);
  }

  /** Demo rows (possibly with added columns) as Parquet partitioned by site, like real exports. */
  public static void writeBySite(Dataset<Row> rows, String path) {
    rows.write().mode("overwrite").partitionBy("site").parquet(path);
  }

  public Dataset<Row> generate(SparkSession spark, int partitions) {
    Directions directions = Directions.draw(seed, dimension, sites);
    long[] cellEnds = cellEnds();
    MapPartitionsFunction<Long, Row> rows =
        ids -> {
          List<Row> out = new ArrayList<>();
          while (ids.hasNext()) {
            out.add(row(ids.next(), cellEnds, directions));
          }
          return out.iterator();
        };
    return spark
        .range(0, rows(), 1, partitions)
        .as(Encoders.LONG())
        .mapPartitions(rows, Encoders.row(schema()));
  }

  private long[] cellEnds() {
    long[] ends = new long[PLANES.size() * SCANNERS.size()];
    long end = 0;
    for (int c = 0; c < ends.length; c++) {
      end += cellRows(c / SCANNERS.size(), c % SCANNERS.size());
      ends[c] = end;
    }
    return ends;
  }

  private Row row(long i, long[] cellEnds, Directions d) {
    int cell = 0;
    while (i >= cellEnds[cell]) {
      cell++;
    }
    int plane = cell / SCANNERS.size();
    int scanner = cell % SCANNERS.size();
    // Two images per patient; a patient belongs to one site.
    long patient = i / 2;
    int site = new SplittableRandom(mix(seed, patient, 1)).nextInt(sites);
    SplittableRandom rng = new SplittableRandom(mix(seed, i, 2));
    double age = 20 + 4 * (plane - 1.5) + 2.5 * rng.nextGaussian();
    double ageScore = (age - 20) / 5.0;
    float[] x = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      double v =
          strengths.plane() * d.plane[plane][j]
              + strengths.scanner() * d.scanner[scanner][j]
              + strengths.age() * ageScore * d.age[j]
              + strengths.site() * d.site[site][j]
              + strengths.noise() * rng.nextGaussian();
      x[j] = (float) v;
    }
    return RowFactory.create(
        String.format("s%07d", i),
        String.format("p%07d", patient),
        "site" + (char) ('A' + site),
        PLANES.get(plane),
        SCANNERS.get(scanner),
        Math.round(age * 10) / 10.0,
        x);
  }

  static long mix(long seed, long i, long domain) {
    long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + domain * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Unit directions of every effect, fixed by the seed. */
  private record Directions(double[][] plane, double[][] scanner, double[] age, double[][] site)
      implements Serializable {
    static Directions draw(long seed, int d, int sites) {
      SplittableRandom rng = new SplittableRandom(mix(seed, 0, 3));
      double[][] plane = new double[PLANES.size()][];
      double[][] scanner = new double[SCANNERS.size()][];
      double[][] site = new double[sites][];
      for (int p = 0; p < plane.length; p++) {
        plane[p] = unit(rng, d);
      }
      for (int s = 0; s < scanner.length; s++) {
        scanner[s] = unit(rng, d);
      }
      double[] age = unit(rng, d);
      for (int s = 0; s < sites; s++) {
        site[s] = unit(rng, d);
      }
      return new Directions(plane, scanner, age, site);
    }

    private static double[] unit(SplittableRandom rng, int d) {
      double[] v = new double[d];
      double norm = 0;
      for (int j = 0; j < d; j++) {
        v[j] = rng.nextGaussian();
        norm += v[j] * v[j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        v[j] /= norm;
      }
      return v;
    }
  }
}
