package org.wsca.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.wsca.output.JsonOut;

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
            + Targets.minGflopsFraction(r)
            + "x dgemm "
            + (Targets.gflopsMet(r) ? "met" : "MISSED");
    return Targets.ratioMet(r)
            .map(met -> "ratio>=" + (int) Targets.MIN_RATIO + " " + (met ? "met" : "MISSED") + "; ")
            .orElse("")
        + gflops;
  }

  /** bench.json: an array, one object per point, each with the machine facts. */
  public static String json(List<PointResult> results, Machine machine) {
    ArrayNode points = JsonOut.array();
    results.forEach(r -> points.add(object(r, machine)));
    return JsonOut.text(points);
  }

  private static ObjectNode object(PointResult r, Machine m) {
    ObjectNode node = facts(r, m);
    node.set("executor_blas", ExecutorBlasJson.array(m.executorBlas()));
    return node;
  }

  private static ObjectNode facts(PointResult r, Machine m) {
    return JsonOut.object()
        .put("n", r.point().rows())
        .put("d", r.point().dimension())
        .put("c", r.point().classes())
        .put("b", r.engineB())
        .put("loop_b", r.loopB())
        .put("engine_ms_per_head", number(r.engineMsPerHead()))
        .put("loop_ms_per_head", number(r.loopMsPerHead()))
        .put("ratio", number(r.ratio()))
        .put("engine_gflops", number(r.engineGflops()))
        .put("dgemm_gflops", number(r.dgemmGflops()))
        .put("gflops_fraction", number(r.gflopsFraction()))
        .put("blas", r.blas())
        .put("peak_heap_mb", number(r.peakHeapMb()))
        .put("engine_seconds", number(r.engineNanos() / 1e9))
        .put("loop_seconds", number(r.loopNanos() / 1e9))
        .put("engine_passes", r.work().passes())
        .put("engine_head_evaluations", r.work().headEvaluations())
        .put("engine_nonconverged", r.engineNonConverged())
        .put("loop_nonconverged", r.loopNonConverged())
        .put("ratio_target_met", Targets.ratioMet(r).orElse(null))
        .put("gflops_target_met", Targets.gflopsMet(r))
        .put("cores", m.cores())
        .put("memory_mb", m.memoryMb())
        .put("max_heap_mb", m.maxHeapMb())
        .put("java_version", m.javaVersion())
        .put("os", m.os())
        .put("load_average_start", number(r.loadBefore()))
        .put("load_average_end", number(r.loadAfter()));
  }

  /** Four decimals; null if not finite. */
  static BigDecimal number(double v) {
    return JsonOut.rounded(v, 4);
  }
}
