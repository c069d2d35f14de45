package org.wsca.audit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wsca.math.Alignment;
import org.wsca.math.Metric;
import org.wsca.math.PermutationDesign;
import org.wsca.math.Projection;
import org.wsca.method.Scope;

/**
 * Everything needed to fit the B permuted heads of one metadata task in one scope.
 *
 * @param train the task's training rows with {@link TaskData} columns (features, y, stratum, sample
 *     id)
 * @param primaryDirections the primary head's directions every T_b is measured against
 * @param design what the permutations move (docs/method.md section 6.2), built once per test from
 *     {@code train}; null: images, collected by the engine from {@code train}
 */
public record PermutationRequest(
    String task,
    Scope scope,
    Dataset<Row> train,
    int numClasses,
    int permutations,
    long seed,
    double[][] primaryDirections,
    Projection projection,
    Metric metric,
    PermutationDesign design) {

  /** A request whose design (images per stratum) the engine collects from {@code train}. */
  public PermutationRequest(
      String task,
      Scope scope,
      Dataset<Row> train,
      int numClasses,
      int permutations,
      long seed,
      double[][] primaryDirections,
      Projection projection,
      Metric metric) {
    this(
        task,
        scope,
        train,
        numClasses,
        permutations,
        seed,
        primaryDirections,
        projection,
        metric,
        null);
  }

  /** The design, collected from {@code train} when none was given. */
  PermutationDesign designOrCollect() {
    return design != null ? design : StrataLabels.design(train, false);
  }

  /** T of a head with these directions against the primary head (docs/method.md section 5). */
  double statistic(double[][] directions) {
    return Alignment.of(primaryDirections, directions, projection, metric).t();
  }
}
