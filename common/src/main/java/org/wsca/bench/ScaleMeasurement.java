package org.wsca.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.wsca.output.JsonText;

/**
 * What one scale point cost: generation and audit wall time, the audit's phases (from its
 * manifest), the driver JVM's peak heap (in local mode the executors run in it too) and the sizes
 * on disk.
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
    long outputBytes) {

  public ScaleMeasurement {
    phaseMillis = new LinkedHashMap<>(phaseMillis);
  }

  /** Milliseconds summed over the phases whose names start with {@code prefix}. */
  public long phaseTotal(String prefix) {
    return phaseMillis.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public String toJson() {
    String phases =
        phaseMillis.entrySet().stream()
            .map(e -> JsonText.string(e.getKey()) + ": " + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    return "{\"rows\": "
        + point.rows()
        + ", \"dimension\": "
        + point.dimension()
        + ", \"sites\": "
        + point.sites()
        + ", \"permutations\": "
        + point.permutations()
        + ", \"rows_read\": "
        + rowsRead
        + ", \"generate_ms\": "
        + generateMillis
        + ", \"audit_ms\": "
        + auditMillis
        + ", \"scopes_ms\": "
        + phaseTotal("scope ")
        + ", \"phase_ms\": "
        + phases
        + ", \"peak_heap_mb\": "
        + peakHeapMb
        + ", \"max_heap_mb\": "
        + maxHeapMb
        + ", \"input_bytes\": "
        + inputBytes
        + ", \"output_bytes\": "
        + outputBytes
        + "}";
  }
}
