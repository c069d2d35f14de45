package org.wsca.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases to run (every n x d x C) and the number of permuted heads each side fits: the batched
 * engine {@code engineB} at once, the MLlib loop {@code loopB} one after the other.
 */
public record BenchGrid(
    List<Integer> rows, List<Integer> dimensions, List<Integer> classes, int engineB, int loopB) {
  public static final List<Integer> ROWS = List.of(20_000, 100_000);
  public static final List<Integer> DIMENSIONS = List.of(256, 1024);
  public static final List<Integer> CLASSES = List.of(2, 4);
  public static final int ENGINE_B = 64;
  public static final int LOOP_B = 2;

  public BenchGrid {
    rows = nonEmpty("--n", rows);
    dimensions = nonEmpty("--d", dimensions);
    classes = nonEmpty("--c", classes);
    if (engineB < 1 || loopB < 1) {
      throw new IllegalArgumentException(
          "--b is "
              + engineB
              + " and --loop-b is "
              + loopB
              + "; both must be at least 1 (defaults "
              + ENGINE_B
              + " and "
              + LOOP_B
              + ")");
    }
  }

  public static BenchGrid defaults() {
    return new BenchGrid(ROWS, DIMENSIONS, CLASSES, ENGINE_B, LOOP_B);
  }

  /** n outermost, then d, then C: the cheap cases first. */
  public List<GridPoint> points() {
    List<GridPoint> out = new ArrayList<>();
    for (int n : rows) {
      for (int d : dimensions) {
        for (int c : classes) {
          out.add(new GridPoint(n, d, c));
        }
      }
    }
    return out;
  }

  private static List<Integer> nonEmpty(String option, List<Integer> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(option + " needs at least one value");
    }
    return List.copyOf(values);
  }
}
