package org.wsca.audit;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.dependence.BlockPermuter;
import org.wsca.dependence.DependenceResult;
import org.wsca.dependence.RowPermuter;
import org.wsca.dependence.StratumPermuter;
import org.wsca.result.Dependence;
import org.wsca.settings.Settings;

/**
 * The decision-dependence test of one task in one scope (docs/method.md section 11): the clinical
 * head's scores on the held-out rows against the task's classes within (label, site) cells, with
 * whole patients moving when patient ids are known, as in the WSC test (section 6.2).
 */
record TaskDependence(
    SparkSession spark,
    Settings settings,
    String scope,
    String task,
    double[][] primary,
    List<String> primaryLabels) {
  private static final Logger LOG = LoggerFactory.getLogger(TaskDependence.class);

  /**
   * The test on {@code test} (held-out rows with the task's class index and cell columns). {@code
   * scored}: the same rows already scored by {@code primary} in the probe's presence pass, so the
   * test runs no Spark job to score them again.
   */
  Dependence test(
      Dataset<Row> test,
      Optional<List<DependencePass.StratumRow>> scored,
      int classes,
      List<String> names) {
    String name = "task=" + task + " " + scope;
    boolean patients = settings.input().columns().patientId().isPresent();
    LOG.info(
        "{}: decision dependence with {} permutations", name, settings.dependence().permutations());
    StratumPermuter permuter =
        patients
            ? new BlockPermuter(settings.seed(), task, scope)
            : new RowPermuter(settings.seed(), task, scope);
    DependencePass pass =
        DependencePass.on(spark).rows(test.withColumn(TaskData.STRATUM, col(TaskData.CELL)));
    scored.ifPresent(pass::scored);
    DependenceResult result =
        pass.directions(primary)
            .classes(classes)
            .withPatients(patients)
            .permutations(settings.dependence().permutations(), permuter)
            .step(settings.dependence().step())
            .describedAs(name)
            .execute();
    return Dependence.of(result, primaryLabels, names, task, settings.verdict().alpha());
  }
}
