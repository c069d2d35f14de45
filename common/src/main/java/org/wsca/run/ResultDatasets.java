package org.wsca.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.wsca.method.Head;
import org.wsca.output.ResultTables;
import org.wsca.result.AuditResult;
import org.wsca.result.PcaSummary;
import org.wsca.result.ScopeResult;
import org.wsca.result.WscCell;
import org.wsca.settings.Settings;

/**
 * An audit's result tables as Datasets, with the columns the committed Parquet tables have (README:
 * Output tables): what {@link AuditRun} writes and what {@link DatasetAudit} returns.
 */
public record ResultDatasets(
    AuditResult result,
    Dataset<Row> tests,
    Dataset<Row> nulls,
    Dataset<Row> heads,
    Dataset<Row> wsc,
    Dataset<Row> pca,
    Dataset<Row> rejects) {

  static ResultDatasets of(
      SparkSession spark, Settings settings, AuditResult result, Dataset<Row> rejects) {
    ResultTables tables = new ResultTables(spark, result.runId());
    List<Head> heads = new ArrayList<>();
    List<WscCell> cells = new ArrayList<>();
    List<PcaSummary> pca = new ArrayList<>();
    Map<String, Double> sameTask = new HashMap<>();
    for (ScopeResult s : result.scopes()) {
      heads.addAll(s.heads());
      cells.addAll(s.cells());
      s.pca().ifPresent(pca::add);
      if (!Double.isNaN(s.sameTaskReference())) {
        sameTask.put(s.scope().name(), s.sameTaskReference());
      }
    }
    return new ResultDatasets(
        result,
        tables.tests(result.tests()),
        tables.nulls(result.tests()),
        tables.heads(heads, sameTask, settings.projection().fitSpace().label()),
        tables.wsc(cells, settings.metric().label(), settings.projection().method().label()),
        tables.pca(pca),
        rejects.withColumn("run_id", functions.lit(result.runId())));
  }
}
