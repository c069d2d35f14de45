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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Validation data whose truth is known exactly (issue 12, docs/validation.md): patients with k
 * images each, a binary per-patient label, and one metadata column per validation scenario, all
 * tested in one audit with a supplied primary head whose use of each column is set analytically.
 *
 * <p>The embedding of image i of patient p is
 *
 * <pre>
 *   x = site * v_site + label * y_p * u + sum_c beta * m_c,p * e_c + patient * z_p + noise * eps_i
 * </pre>
 *
 * with u and the e_c orthonormal, z_p and eps_i standard normal vectors. The patient effect z_p
 * makes a patient's images alike, so shuffling per-patient metadata image by image would be
 * anti-conservative. The supplied head has logit w . x with w = u + sum_k gamma_k e_k over the grid
 * columns: within a (label, site) cell the logit of class-1 rows of grid column k sits gamma_k beta
 * higher than class-0 rows, which {@link #gammas} makes exactly {@code shift_k} pooled within-cell
 * sd (docs/method.md section 11). Every other column has gamma 0 and, being orthogonal to w, does
 * not move the logit at all.
 *
 * <p>Rows are generated where they are written, each patient from its own seeded stream, so the
 * data are the same whatever the partitioning. Pure rows: {@link #row}; Spark: {@link #generate}.
 *
 * <p>Over 250 lines on purpose: the directions, the columns and the analytic gammas are one design
 * that a reviewer checks as a whole against the formula above.
 */
public final class ValidationData implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Binary classes of every metadata column and of the label. */
  public static final List<String> CLASSES = List.of("a", "b");

  public static final List<String> LABELS = List.of("neg", "pos");

  /** Per image, not encoded: independent of everything. */
  public static final String NOISE_IMAGE = "noise_image";

  /** Per patient, not encoded. */
  public static final String NOISE_PATIENT = "noise_patient";

  /** Per patient, encoded (beta), independent of the label, ignored by the head. */
  public static final String ENCODED_BALANCED = "encoded_balanced";

  /** Per patient, encoded, associated with the label (P(b | pos) = 0.8), ignored by the head. */
  public static final String ENCODED_LABEL = "encoded_label";

  /** A function of the site: one scanner per site. */
  public static final String SCANNER_SITE = "scanner_site";

  /** The weak-shortcut grid: per patient, encoded, moving the logit by the named sd. */
  public static final double[] SHIFTS = {0.1, 0.25, 0.4, 0.5, 1.0};

  static final double LABEL_ASSOCIATION = 0.8;

  /** Effect sizes in units of the per-coordinate image noise sd. */
  public record Strengths(double label, double encoding, double site, double patient, double noise)
      implements Serializable {
    /** beta = 3 like the demo's scanner; a patient effect as large as the image noise. */
    public static Strengths defaults() {
      return new Strengths(1.0, 3.0, 1.5, 1.0, 1.0);
    }
  }

  private final int dimension;
  private final int sites;
  private final int imagesPerPatient;
  private final int patients;
  private final long seed;
  private final Strengths strengths;
  private final Directions directions;

  /**
   * @param rows images in all (rounded down to whole patients)
   */
  public ValidationData(
      int rows, int imagesPerPatient, int dimension, int sites, long seed, Strengths strengths) {
    if (dimension < 4 + SHIFTS.length) {
      throw new IllegalArgumentException(
          "Validation dimension " + dimension + " is too small; use >= " + (4 + SHIFTS.length));
    }
    if (imagesPerPatient < 1 || rows < imagesPerPatient) {
      throw new IllegalArgumentException(
          "Validation data needs 1 <= images per patient ("
              + imagesPerPatient
              + ") <= rows ("
              + rows
              + ")");
    }
    this.dimension = dimension;
    this.sites = sites;
    this.imagesPerPatient = imagesPerPatient;
    this.patients = rows / imagesPerPatient;
    this.seed = seed;
    this.strengths = strengths;
    this.directions = Directions.draw(seed, dimension, sites);
  }

  /** The grid columns' names: shift_010, shift_025, shift_040, shift_050, shift_100. */
  public static List<String> gridColumns() {
    List<String> out = new ArrayList<>();
    for (double s : SHIFTS) {
      out.add(gridColumn(s));
    }
    return out;
  }

  public static String gridColumn(double shiftSd) {
    return String.format("shift_%03d", Math.round(shiftSd * 100));
  }

  /** Every metadata column, in schema order. */
  public static List<String> metadataColumns() {
    List<String> out =
        new ArrayList<>(
            List.of(NOISE_IMAGE, NOISE_PATIENT, ENCODED_BALANCED, ENCODED_LABEL, SCANNER_SITE));
    out.addAll(gridColumns());
    return out;
  }

  public static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("sample_id", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("patient_id", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("site", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("label", DataTypes.StringType, false));
    for (String c : metadataColumns()) {
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, false));
    }
    fields.add(
        DataTypes.createStructField(
            "embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false));
    return DataTypes.createStructType(fields);
  }

  public long rows() {
    return (long) patients * imagesPerPatient;
  }

  /**
   * gamma_k of each grid column: with g_k = gamma_k beta the logit shift of column k and V =
   * patient sd^2 + noise sd^2, the within-cell variance of the logit is S^2 = V |w|^2 + sum_l g_l^2
   * / 4 (balanced binary columns), |w|^2 = 1 + sum_l gamma_l^2. Asking g_k = t_k S for every k
   * gives S^2 = V / (1 - sum_l t_l^2 (V / beta^2 + 1/4)), so gamma_k = t_k S / beta.
   */
  public double[] gammas() {
    double v = strengths.patient() * strengths.patient() + strengths.noise() * strengths.noise();
    double beta = strengths.encoding();
    double sumT2 = 0;
    for (double t : SHIFTS) {
      sumT2 += t * t;
    }
    double denominator = 1 - sumT2 * (v / (beta * beta) + 0.25);
    if (denominator <= 0) {
      throw new IllegalArgumentException(
          "Encoding strength "
              + beta
              + " is too weak for the grid's shifts; use a larger beta (>= 2.2 with the defaults)");
    }
    double s = Math.sqrt(v / denominator);
    double[] gammas = new double[SHIFTS.length];
    for (int k = 0; k < SHIFTS.length; k++) {
      gammas[k] = SHIFTS[k] * s / beta;
    }
    return gammas;
  }

  /** w = u + sum_k gamma_k e_k: the logit of class pos against neg. */
  public double[] logitWeights() {
    double[] gammas = gammas();
    double[] w = directions.label().clone();
    for (int k = 0; k < SHIFTS.length; k++) {
      double[] e = directions.encoded()[2 + k];
      for (int j = 0; j < dimension; j++) {
        w[j] += gammas[k] * e[j];
      }
    }
    return w;
  }

  /**
   * The supplied primary head as CSV ({@code class,w0,...}): neg = -w/2, pos = +w/2, whose centred
   * directions give the logit w . x.
   */
  public String headCsv() {
    double[] w = logitWeights();
    StringBuilder b = new StringBuilder("class");
    for (int j = 0; j < dimension; j++) {
      b.append(",w").append(j);
    }
    b.append('\n');
    for (int c = 0; c < 2; c++) {
      b.append(LABELS.get(c));
      double sign = c == 0 ? -0.5 : 0.5;
      for (int j = 0; j < dimension; j++) {
        b.append(',').append(sign * w[j]);
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** One image: ids, site, label, the metadata in {@link #metadataColumns} order, embedding. */
  public record Image(
      String sampleId, String patientId, int site, int label, int[] metadata, float[] embedding) {}

  /** Image i (0 <= i < {@link #rows}); the patient's draws come from the patient's own stream. */
  public Image row(long i) {
    long patient = i / imagesPerPatient;
    SplittableRandom p = new SplittableRandom(DemoData.mix(seed, patient, 11));
    int site = p.nextInt(sites);
    int label = p.nextInt(2);
    int noisePatient = p.nextInt(2);
    int encodedBalanced = p.nextInt(2);
    double pB = label == 1 ? LABEL_ASSOCIATION : 1 - LABEL_ASSOCIATION;
    int encodedLabel = p.nextDouble() < pB ? 1 : 0;
    int[] grid = new int[SHIFTS.length];
    for (int k = 0; k < grid.length; k++) {
      grid[k] = p.nextInt(2);
    }
    double[] z = new double[dimension];
    for (int j = 0; j < dimension; j++) {
      z[j] = p.nextGaussian();
    }
    SplittableRandom img = new SplittableRandom(DemoData.mix(seed, i, 12));
    int noiseImage = img.nextInt(2);
    int[] metadata = new int[5 + SHIFTS.length];
    metadata[0] = noiseImage;
    metadata[1] = noisePatient;
    metadata[2] = encodedBalanced;
    metadata[3] = encodedLabel;
    metadata[4] = site;
    System.arraycopy(grid, 0, metadata, 5, grid.length);
    return new Image(
        String.format("s%07d", i),
        String.format("p%07d", patient),
        site,
        label,
        metadata,
        embedding(site, label, encodedBalanced, encodedLabel, grid, z, img));
  }

  private float[] embedding(
      int site,
      int label,
      int encodedBalanced,
      int encodedLabel,
      int[] grid,
      double[] z,
      SplittableRandom img) {
    double[][] e = directions.encoded();
    float[] x = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      double v =
          strengths.site() * directions.site()[site][j]
              + strengths.label() * label * directions.label()[j]
              + strengths.encoding() * (encodedBalanced * e[0][j] + encodedLabel * e[1][j])
              + strengths.patient() * z[j]
              + strengths.noise() * img.nextGaussian();
      for (int k = 0; k < grid.length; k++) {
        v += strengths.encoding() * grid[k] * e[2 + k][j];
      }
      x[j] = (float) v;
    }
    return x;
  }

  /** The class name of metadata value {@code v} of column {@code c} (sites are named). */
  static String className(int column, int v) {
    return column == 4 ? "sc" + (char) ('A' + v) : CLASSES.get(v);
  }

  public Dataset<Row> generate(SparkSession spark, int partitions) {
    ValidationData self = this;
    MapPartitionsFunction<Long, Row> rows =
        ids -> {
          List<Row> out = new ArrayList<>();
          while (ids.hasNext()) {
            out.add(self.sparkRow(ids.next()));
          }
          return out.iterator();
        };
    return spark
        .range(0, rows(), 1, partitions)
        .as(Encoders.LONG())
        .mapPartitions(rows, Encoders.row(schema()));
  }

  private Row sparkRow(long i) {
    Image im = row(i);
    Object[] values = new Object[5 + im.metadata().length];
    values[0] = im.sampleId();
    values[1] = im.patientId();
    values[2] = "site" + (char) ('A' + im.site());
    values[3] = LABELS.get(im.label());
    for (int c = 0; c < im.metadata().length; c++) {
      values[4 + c] = className(c, im.metadata()[c]);
    }
    values[values.length - 1] = im.embedding();
    return RowFactory.create(values);
  }

  /** Orthonormal label and encoded directions (Gram-Schmidt), random unit site offsets. */
  private record Directions(double[] label, double[][] encoded, double[][] site)
      implements Serializable {
    static Directions draw(long seed, int d, int sites) {
      SplittableRandom rng = new SplittableRandom(DemoData.mix(seed, 0, 13));
      List<double[]> basis = new ArrayList<>();
      for (int k = 0; k < 3 + SHIFTS.length; k++) {
        basis.add(orthonormal(rng, d, basis));
      }
      double[][] encoded = basis.subList(1, basis.size()).toArray(new double[0][]);
      double[][] site = new double[sites][];
      for (int s = 0; s < sites; s++) {
        site[s] = orthonormal(rng, d, List.of());
      }
      return new Directions(basis.get(0), encoded, site);
    }

    private static double[] orthonormal(SplittableRandom rng, int d, List<double[]> basis) {
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        v[j] = rng.nextGaussian();
      }
      for (double[] b : basis) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += v[j] * b[j];
        }
        for (int j = 0; j < d; j++) {
          v[j] -= dot * b[j];
        }
      }
      double norm = 0;
      for (double x : v) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        v[j] /= norm;
      }
      return v;
    }
  }
}
