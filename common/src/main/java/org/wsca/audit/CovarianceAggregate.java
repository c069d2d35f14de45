package org.wsca.audit;

import java.util.Collections;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wsca.math.CovarianceState;

/**
 * The scope's covariance, aggregated where the rows are: each partition folds its rows into a
 * mergeable state and only the d x d states travel, never the rows (docs/method.md section 5.1).
 * The states merge in partition order ({@link OrderedMerge}), so the same rows give the same bits.
 */
public final class CovarianceAggregate {
  private CovarianceAggregate() {}

  public static CovarianceState of(Dataset<Row> rows, int dimension) {
    return OrderedMerge.of(
        rows.select(HeadFitter.FEATURES)
            .javaRDD()
            .mapPartitions(
                it -> {
                  CovarianceState state = new CovarianceState(dimension);
                  while (it.hasNext()) {
                    state.add(((Vector) it.next().get(0)).toArray());
                  }
                  return Collections.singletonList(state).iterator();
                }),
        CovarianceState::merge);
  }
}
