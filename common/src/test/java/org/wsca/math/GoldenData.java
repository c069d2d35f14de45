package org.wsca.math;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden reference (test resources under {@code golden/}, provenance in its README.md):
 * small.csv and the values numpy 1.24 and scikit-learn 1.2 computed from it (small.reference.json).
 * Read from the test classpath, so a clone needs nothing beside it.
 */
public final class GoldenData {
  private static final Path GOLDEN = locate();
  private static JsonNode reference;

  private GoldenData() {}

  /** The golden folder on the test classpath. */
  public static Path directory() {
    return GOLDEN;
  }

  public static synchronized JsonNode reference() {
    if (reference == null) {
      try {
        reference = new ObjectMapper().readTree(GOLDEN.resolve("small.reference.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return reference;
  }

  static JsonNode at(String jsonPointer) {
    JsonNode node = reference().at(jsonPointer);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("No " + jsonPointer + " in small.reference.json");
    }
    return node;
  }

  static double[] doubles(String jsonPointer) {
    return doubles(at(jsonPointer));
  }

  public static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }

  static double[][] matrix(String jsonPointer) {
    JsonNode rows = at(jsonPointer);
    double[][] matrix = new double[rows.size()][];
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = doubles(rows.get(i));
    }
    return matrix;
  }

  /**
   * Reference eigenvectors as rows. The JSON stores numpy's eigenvector matrix row by row, so
   * eigenvector i is its column i (checked: C v = lambda v holds to 4e-15 only that way).
   */
  static double[][] eigenvectorRows() {
    double[][] columns = matrix("/pca/eigenvectors_columns");
    double[][] rows = new double[columns[0].length][columns.length];
    for (int r = 0; r < columns.length; r++) {
      for (int c = 0; c < columns[r].length; c++) {
        rows[c][r] = columns[r][c];
      }
    }
    return rows;
  }

  /** Features x0..x5 of small.csv, one row per sample. */
  static double[][] features() {
    try {
      List<String> lines = Files.readAllLines(GOLDEN.resolve("small.csv"));
      String[] header = lines.get(0).split(",");
      int first = List.of(header).indexOf("x0");
      List<double[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",");
        double[] row = new double[header.length - first];
        for (int j = 0; j < row.length; j++) {
          row[j] = Double.parseDouble(cells[first + j]);
        }
        rows.add(row);
      }
      return rows.toArray(new double[0][]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Textbook two-pass covariance (n - 1), independent of CovarianceState. */
  static double[][] twoPassCovariance(double[][] rows) {
    int d = rows[0].length;
    double[] mean = new double[d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows.length;
    }
    double[][] covariance = new double[d][d];
    for (double[] row : rows) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          covariance[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        covariance[i][j] /= rows.length - 1;
      }
    }
    return covariance;
  }

  static double[][] smallCovariance() {
    return twoPassCovariance(features());
  }

  private static Path locate() {
    URL url = GoldenData.class.getResource("/golden/small.reference.json");
    if (url == null) {
      throw new IllegalStateException("golden/small.reference.json is not on the test classpath");
    }
    try {
      return Paths.get(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
