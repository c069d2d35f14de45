package org.wsca.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.wsca.output.JsonOut;

/**
 * The study's knobs: data sets per scenario, permutations B, the generator's size (cell-size scale,
 * embedding dimension, sites), the first seed, alpha, where everything goes, and B of the
 * decision-dependence test ({@code dependencePermutations}; 0 keeps the audit's default).
 */
public record StudySettings(
    int datasets,
    int permutations,
    double scale,
    int dimension,
    int sites,
    long baseSeed,
    double alpha,
    String output,
    List<Scenario> scenarios,
    int dependencePermutations) {

  /** Settings that keep the audit's default B of the decision-dependence test. */
  public StudySettings(
      int datasets,
      int permutations,
      double scale,
      int dimension,
      int sites,
      long baseSeed,
      double alpha,
      String output,
      List<Scenario> scenarios) {
    this(datasets, permutations, scale, dimension, sites, baseSeed, alpha, output, scenarios, 0);
  }

  public StudySettings {
    if (datasets < 1) {
      throw new IllegalArgumentException("--datasets is " + datasets + "; use at least 1");
    }
    if (permutations < 19) {
      throw new IllegalArgumentException(
          "--permutations is "
              + permutations
              + "; use at least 19 (the audit's minimum, so that p can reach 0.05)");
    }
    if (dimension < 8) {
      throw new IllegalArgumentException(
          "--dimension is " + dimension + "; the demo generator needs at least 8");
    }
    if (sites < 1) {
      throw new IllegalArgumentException("--sites is " + sites + "; use at least 1");
    }
    if (!(scale > 0)) {
      throw new IllegalArgumentException("--scale is " + scale + "; use a positive factor");
    }
    if (dependencePermutations != 0 && dependencePermutations < 19) {
      throw new IllegalArgumentException(
          "--dependence-permutations is "
              + dependencePermutations
              + "; use at least 19, or 0 for the audit's default");
    }
    scenarios = List.copyOf(scenarios);
  }

  /** How the study's outcomes were made, for summary.json's {@code study} object. */
  ObjectNode toJson() {
    ObjectNode json = JsonOut.object();
    json.put("datasets", datasets);
    json.put("permutations", permutations);
    json.put("scale", scale);
    json.put("dimension", dimension);
    json.put("sites", sites);
    json.put("base_seed", baseSeed);
    json.put("alpha", alpha);
    json.put("scope", "pooled");
    json.put("engine", "batched");
    if (dependencePermutations > 0) {
      // Only when set, so parts written before the option existed still merge.
      json.put("dependence_permutations", dependencePermutations);
    }
    return json;
  }
}
