package org.wsca.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wsca.math.GoldenData;

/**
 * the golden small.csv (test resources, golden/) with its labels, and the reference values, for the
 * engine tests. The golden folder and the reference JSON come from org.wsca.math.GoldenData (which
 * walks up from user.dir).
 */
public final class GoldenSmall {
  public static final double LAMBDA = 0.01;

  public final String[] sampleIds;
  public final double[][] features;
  public final int[] binary;
  public final int[] categorical;

  private GoldenSmall(String[] sampleIds, double[][] features, int[] binary, int[] categorical) {
    this.sampleIds = sampleIds;
    this.features = features;
    this.binary = binary;
    this.categorical = categorical;
  }

  public static GoldenSmall load() {
    try {
      List<String> lines = Files.readAllLines(directory().resolve("small.csv"));
      List<String> header = List.of(lines.get(0).split(","));
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
      return parse(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GoldenSmall parse(List<String> header, List<String[]> rows) {
    int first = header.indexOf("x0");
    int n = rows.size();
    String[] ids = new String[n];
    double[][] x = new double[n][header.size() - first];
    int[] yBin = new int[n];
    int[] yCat = new int[n];
    for (int i = 0; i < n; i++) {
      String[] cells = rows.get(i);
      ids[i] = cells[header.indexOf("sample_id")];
      yBin[i] = Integer.parseInt(cells[header.indexOf("y_bin")]);
      yCat[i] = Integer.parseInt(cells[header.indexOf("y_cat")]);
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = Double.parseDouble(cells[first + j]);
      }
    }
    return new GoldenSmall(ids, x, yBin, yCat);
  }

  public static double[] binaryCoefficients() {
    return doubles(reference().at("/binary_head/coefficients"));
  }

  public static double binaryIntercept() {
    return reference().at("/binary_head/intercept").asDouble();
  }

  public static double[][] centredCoefficients() {
    JsonNode rows = reference().at("/categorical_head/centred_coefficients");
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubles(rows.get(i));
    }
    return out;
  }

  public static double[] categoricalIntercepts() {
    return doubles(reference().at("/categorical_head/intercepts"));
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static Path directory() {
    return GoldenData.directory();
  }

  private static JsonNode reference() {
    return GoldenData.reference();
  }
}
