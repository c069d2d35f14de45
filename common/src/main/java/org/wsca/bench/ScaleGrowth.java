package org.wsca.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How the audit's cost grows: for every pair of measured points that differ in exactly one of rows,
 * dimension, sites or B, the factor by which that quantity grew, the factor by which the audit time
 * grew, and the exponent e in time ~ quantity^e.
 */
public record ScaleGrowth(
    String quantity, ScalePoint from, ScalePoint to, double factor, double timeFactor) {

  public double exponent() {
    return Math.log(timeFactor) / Math.log(factor);
  }

  public static List<ScaleGrowth> of(List<ScaleMeasurement> measured) {
    List<ScaleGrowth> out = new ArrayList<>();
    for (ScaleMeasurement a : measured) {
      for (ScaleMeasurement b : measured) {
        growth(a, b).ifPresent(out::add);
      }
    }
    return out;
  }

  private static java.util.Optional<ScaleGrowth> growth(ScaleMeasurement a, ScaleMeasurement b) {
    ScalePoint p = a.point();
    ScalePoint q = b.point();
    List<String> changed = new ArrayList<>();
    double factor = 1;
    for (Quantity quantity : Quantity.values()) {
      double x = quantity.of.applyAsDouble(p);
      double y = quantity.of.applyAsDouble(q);
      if (x != y) {
        changed.add(quantity.label);
        factor = y / x;
      }
    }
    if (changed.size() != 1 || factor <= 1) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new ScaleGrowth(changed.get(0), p, q, factor, (double) b.auditMillis() / a.auditMillis()));
  }

  public String describe() {
    return String.format(
        "%s x%.2f (%s -> %s): audit time x%.2f, exponent %.2f",
        quantity, factor, from.label(), to.label(), timeFactor, exponent());
  }

  private enum Quantity {
    ROWS("rows", p -> p.rows()),
    DIMENSION("dimension", p -> p.dimension()),
    SITES("sites", p -> p.sites()),
    PERMUTATIONS("B", p -> p.permutations());

    final String label;
    final ToDoubleFunction<ScalePoint> of;

    Quantity(String label, ToDoubleFunction<ScalePoint> of) {
      this.label = label;
      this.of = of;
    }
  }
}
