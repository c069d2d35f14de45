package org.wsca.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wsca.output.JsonText;

/** The benchmark's results as a console table and as bench.json (one object per grid point). */
public final class BenchReport {
  private BenchReport() {}

  public static String table(List<PointResult> results) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%7s %5s %2s %4s %6s %12s %12s %7s %9s %9s %6s %8s %6s  %s%n",
                "n",
                "d",
                "C",
                "B",
                "loopB",
                "engine ms/h",
                "loop ms/h",
                "ratio",
                "eng GF/s",
                "dgemm GF/s",
                "frac",
                "heap MB",
                "load",
                "targets"));
    for (PointResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "%7d %5d %2d %4d %6d %12.1f %12.1f %7.1f %9.2f %9.2f %6.2f %8.0f %6.2f  %s%n",
              r.point().rows(),
              r.point().dimension(),
              r.point().classes(),
              r.engineB(),
              r.loopB(),
              r.engineMsPerHead(),
              r.loopMsPerHead(),
              r.ratio(),
              r.engineGflops(),
              r.dgemmGflops(),
              r.gflopsFraction(),
              r.peakHeapMb(),
              r.loadAfter(),
              targets(r)));
    }
    return b.toString();
  }

  /** A line per target that applies, saying met or missed. */
  static String targets(PointResult r) {
    String gflops =
        "gflops>="
            + Targets.MIN_GFLOPS_FRACTION
            + "x dgemm "
            + (Targets.gflopsMet(r) ? "met" : "MISSED");
    return Targets.ratioMet(r)
            .map(met -> "ratio>=" + (int) Targets.MIN_RATIO + " " + (met ? "met" : "MISSED") + "; ")
            .orElse("")
        + gflops;
  }

  /** bench.json: an array, one object per point, each with the machine facts. */
  public static String json(List<PointResult> results, Machine machine) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < results.size(); i++) {
      b.append(i == 0 ? "\n" : ",\n").append(object(results.get(i), machine));
    }
    return b.append(results.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  private static String object(PointResult r, Machine m) {
    Optional<Boolean> ratioMet = Targets.ratioMet(r);
    return "  {"
        + field("n", r.point().rows())
        + ", "
        + field("d", r.point().dimension())
        + ", "
        + field("c", r.point().classes())
        + ", "
        + field("b", r.engineB())
        + ", "
        + field("loop_b", r.loopB())
        + ", "
        + field("engine_ms_per_head", number(r.engineMsPerHead()))
        + ", "
        + field("loop_ms_per_head", number(r.loopMsPerHead()))
        + ", "
        + field("ratio", number(r.ratio()))
        + ", "
        + field("engine_gflops", number(r.engineGflops()))
        + ", "
        + field("dgemm_gflops", number(r.dgemmGflops()))
        + ", "
        + field("gflops_fraction", number(r.gflopsFraction()))
        + ", "
        + field("blas", string(r.blas()))
        + ", "
        + field("peak_heap_mb", number(r.peakHeapMb()))
        + ",\n   "
        + field("engine_seconds", number(r.engineNanos() / 1e9))
        + ", "
        + field("loop_seconds", number(r.loopNanos() / 1e9))
        + ", "
        + field("engine_passes", r.work().passes())
        + ", "
        + field("engine_head_evaluations", r.work().headEvaluations())
        + ", "
        + field("engine_nonconverged", r.engineNonConverged())
        + ", "
        + field("loop_nonconverged", r.loopNonConverged())
        + ",\n   "
        + field("ratio_target_met", ratioMet.map(String::valueOf).orElse("null"))
        + ", "
        + field("gflops_target_met", Targets.gflopsMet(r))
        + ",\n   "
        + field("cores", m.cores())
        + ", "
        + field("memory_mb", m.memoryMb())
        + ", "
        + field("max_heap_mb", m.maxHeapMb())
        + ", "
        + field("java_version", string(m.javaVersion()))
        + ", "
        + field("os", string(m.os()))
        + ", "
        + field("load_average_start", number(r.loadBefore()))
        + ", "
        + field("load_average_end", number(r.loadAfter()))
        + "}";
  }

  private static String field(String name, Object value) {
    return "\"" + name + "\": " + value;
  }

  static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
  }

  static String string(String v) {
    return JsonText.string(v);
  }
}
