package org.wsca.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.apache.spark.sql.Row;
import org.wsca.blas.ExecutorBlas;
import org.wsca.output.JsonOut;

/** The executors' BLAS as bench.json and scale.json carry it, and as read back from a manifest. */
final class ExecutorBlasJson {
  private ExecutorBlasJson() {}

  /** [{"executor_id", "host", "blas", "library", "threads"}, ...], the manifest's field names. */
  static ArrayNode array(List<ExecutorBlas> census) {
    ArrayNode array = JsonOut.array();
    for (ExecutorBlas e : census) {
      array
          .addObject()
          .put("executor_id", e.executorId())
          .put("host", e.host())
          .put("blas", e.kind())
          .put("library", e.library())
          .put("threads", e.threads());
    }
    return array;
  }

  /** The manifest row's {@code executor_blas} column. */
  static List<ExecutorBlas> fromManifest(Row manifest) {
    List<Row> rows = manifest.getList(manifest.fieldIndex("executor_blas"));
    return rows.stream()
        .map(
            r ->
                new ExecutorBlas(
                    r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getInt(4)))
        .toList();
  }
}
