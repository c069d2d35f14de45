package org.wsca.audit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wsca.math.Metric;
import org.wsca.math.Projection;
import org.wsca.method.Scope;

/**
 * Everything needed to fit the B permuted heads of one metadata task in one scope.
 *
 * @param train the task's training rows with {@link TaskData} columns (features, y, stratum, sample
 *     id)
 * @param primaryDirections the primary head's directions every T_b is measured against
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
    Metric metric) {}
