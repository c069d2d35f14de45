package org.wsca.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsca.blas.ExecutorBlas;
import org.wsca.output.JsonOut;

/**
 * What one scale point cost: generation and audit wall time, the audit's phases (from its
 * manifest), the driver JVM's peak heap (in local mode the executors run in it too) and the sizes
 * on disk. {@code sitePasses}: "shared" when the site scopes shared their optimiser passes
 * (permutation.share-site-passes), "per-site" when each ran alone, "shared-again" for the
 * comparison's repeat of the shared audit (after the JVM warmed up on the first two).
 */
public record ScaleMeasurement(
    ScalePoint point,
    long rowsRead,
    long generateMillis,
    long auditMillis,
    Map<String, Long> phaseMillis,
    long peakHeapMb,
    long maxHeapMb,
    long inputBytes,
    long outputBytes,
    String blas,
    List<ExecutorBlas> executorBlas,
    String sitePasses) {
  public static final String SHARED = "shared";
  public static final String PER_SITE = "per-site";
  public static final String SHARED_AGAIN = "shared-again";

  public ScaleMeasurement {
    phaseMillis = new LinkedHashMap<>(phaseMillis);
    executorBlas = List.copyOf(executorBlas);
  }

  /** Without the BLAS facts (they come from the audit's manifest). */
  public ScaleMeasurement(
      ScalePoint point,
      long rowsRead,
      long generateMillis,
      long auditMillis,
      Map<String, Long> phaseMillis,
      long peakHeapMb,
      long maxHeapMb,
      long inputBytes,
      long outputBytes) {
    this(
        point,
        rowsRead,
        generateMillis,
        auditMillis,
        phaseMillis,
        peakHeapMb,
        maxHeapMb,
        inputBytes,
        outputBytes,
        "",
        List.of(),
        SHARED);
  }

  /** True for the audit with the site scopes run one by one (the comparison's old path). */
  public boolean perSite() {
    return PER_SITE.equals(sitePasses);
  }

  /** The point's first, shared audit (the others are the comparison's). */
  public boolean first() {
    return SHARED.equals(sitePasses);
  }

  /** The point's label, marked for the comparison's audits. */
  public String label() {
    return point.label() + (first() ? "" : " " + sitePasses);
  }

  /** Milliseconds summed over the phases whose names start with {@code prefix}. */
  public long phaseTotal(String prefix) {
    return phaseMillis.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The point's object in scale.json. */
  public ObjectNode toJson() {
    ObjectNode json =
        JsonOut.object()
            .put("rows", point.rows())
            .put("dimension", point.dimension())
            .put("sites", point.sites())
            .put("permutations", point.permutations())
            .put("site_passes", sitePasses)
            .put("rows_read", rowsRead)
            .put("generate_ms", generateMillis)
            .put("audit_ms", auditMillis)
            .put("scopes_ms", phaseTotal("scope "));
    ObjectNode phases = json.putObject("phase_ms");
    phaseMillis.forEach(phases::put);
    json.put("peak_heap_mb", peakHeapMb)
        .put("max_heap_mb", maxHeapMb)
        .put("input_bytes", inputBytes)
        .put("output_bytes", outputBytes)
        .put("blas", blas);
    json.set("executor_blas", ExecutorBlasJson.array(executorBlas));
    return json;
  }

  /** scale.json: an array, one object per point. */
  public static String json(List<ScaleMeasurement> measured) {
    ArrayNode points = JsonOut.array();
    measured.forEach(m -> points.add(m.toJson()));
    return JsonOut.text(points);
  }
}
