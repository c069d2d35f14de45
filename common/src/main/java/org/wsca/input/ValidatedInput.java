package org.wsca.input;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The input after validation: the rows that passed (canonical columns), the rows that did not
 * (original columns plus a reason), and the facts the manifest records. {@code cached} is the
 * persisted input both derive from; {@link #release()} frees it once the run is written.
 */
public record ValidatedInput(
    Dataset<Row> valid,
    Dataset<Row> rejects,
    int dimension,
    long rowsRead,
    long rowsRejected,
    Map<String, Long> rejectsByReason,
    List<InputFile> files,
    Dataset<Row> cached) {

  public void release() {
    cached.unpersist();
  }

  public long rowsValid() {
    return rowsRead - rowsRejected;
  }
}
