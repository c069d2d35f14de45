package org.wsca.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wsca.math.GoldenData;

/**
 * The golden ReLU-shaped embedding (test resources golden/relu.csv: 600 rows, d = 16 with 3 dead
 * and 2 near-dead units, scales from 3e-4 to 5, rank 13) and the values numpy, scipy and
 * scikit-learn computed from it (relu.reference.json, made by tests/golden/relu_golden.py;
 * provenance in golden/README.md).
 */
public final class GoldenRelu {
  public final double[][] features;
  public final int[] label;
  public final int[] scanner;
  private final JsonNode reference;

  private GoldenRelu(double[][] features, int[] label, int[] scanner, JsonNode reference) {
    this.features = features;
    this.label = label;
    this.scanner = scanner;
    this.reference = reference;
  }

  public static GoldenRelu load() {
    Path folder = GoldenData.directory();
    try {
      List<String> lines = Files.readAllLines(folder.resolve("relu.csv"));
      List<String> header = List.of(lines.get(0).split(","));
      int d = header.indexOf("label");
      List<String> rows =
          lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
      double[][] x = new double[rows.size()][d];
      int[] label = new int[rows.size()];
      int[] scanner = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        String[] cells = rows.get(i).split(",");
        for (int j = 0; j < d; j++) {
          x[i][j] = Double.parseDouble(cells[j]);
        }
        label[i] = Integer.parseInt(cells[d]);
        scanner[i] = Integer.parseInt(cells[header.indexOf("scanner")]);
      }
      JsonNode reference =
          new ObjectMapper().readTree(folder.resolve("relu.reference.json").toFile());
      return new GoldenRelu(x, label, scanner, reference);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public double lambda() {
    return reference.get("lambda").asDouble();
  }

  /** The exact optimum's directions of {@code task} (label: centred class vectors). */
  public double[][] directions(String task) {
    return matrix(reference.at("/" + task + "/directions"));
  }

  public double objective(String task) {
    return reference.at("/" + task + "/objective").asDouble();
  }

  /** A number under /wsc (t, rms, t_pca_rank, t_logit_correlation, ...). */
  public double wsc(String name) {
    return reference.at("/wsc/" + name).asDouble();
  }

  public int covarianceRank() {
    return reference.get("covariance_rank").asInt();
  }

  private static double[][] matrix(JsonNode rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = GoldenData.doubles(rows.get(i));
    }
    return out;
  }
}
