package org.wsca.output;

import static org.wsca.output.TableColumns.COUNTS;
import static org.wsca.output.TableColumns.field;
import static org.wsca.output.TableColumns.orNull;
import static org.wsca.output.TableColumns.schema;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wsca.math.NullSummary;
import org.wsca.math.Testability;
import org.wsca.method.NullDistribution;
import org.wsca.result.Dependence;
import org.wsca.result.TestOutcome;

/** The tests table: one row per metadata task and scope, with its columns (see the README). */
final class TestsTable {
  private TestsTable() {}

  static final StructType SCHEMA =
      schema(
          field("run_id", DataTypes.StringType),
          field("task", DataTypes.StringType),
          field("scope", DataTypes.StringType),
          field("role", DataTypes.StringType),
          field("kind", DataTypes.StringType),
          field("status", DataTypes.StringType),
          field("skip_reason", DataTypes.StringType),
          field("verdict", DataTypes.StringType),
          field("explanation", DataTypes.StringType),
          field("presence_auroc", DataTypes.DoubleType),
          field("presence_balanced_accuracy", DataTypes.DoubleType),
          field("presence_accuracy", DataTypes.DoubleType),
          field("t", DataTypes.DoubleType),
          field("rms", DataTypes.DoubleType),
          field("p", DataTypes.DoubleType),
          field("q", DataTypes.DoubleType),
          field("holm_p", DataTypes.DoubleType),
          field("permutations", DataTypes.IntegerType),
          field("null_mean", DataTypes.DoubleType),
          field("null_sd", DataTypes.DoubleType),
          field("null_p95", DataTypes.DoubleType),
          field("null_nonconverged", DataTypes.IntegerType),
          field("head_converged", DataTypes.BooleanType),
          field("train_class_counts", COUNTS),
          field("test_class_counts", COUNTS),
          field("rows_missing_value", DataTypes.LongType),
          field("separable", DataTypes.BooleanType),
          field("dependence_shift_sd", DataTypes.DoubleType),
          field("dependence_signed_shift_sd", DataTypes.DoubleType),
          field("dependence_cell", DataTypes.StringType),
          field("dependence_p", DataTypes.DoubleType),
          field("dependence_q", DataTypes.DoubleType),
          field("dependence_permutations", DataTypes.IntegerType),
          field("dependence_null_p95", DataTypes.DoubleType),
          field("dependence_rows", DataTypes.LongType),
          field("dependence_skip_reason", DataTypes.StringType),
          field("family", DataTypes.StringType),
          field("permutation_unit", DataTypes.StringType),
          field("movable_rows", DataTypes.LongType),
          field("log10_permutations", DataTypes.DoubleType),
          field("t_perm0", DataTypes.DoubleType));

  /** The row of one test of run {@code runId}. */
  static Row row(String runId, TestOutcome t) {
    NullSummary nulls = t.nulls().map(NullDistribution::summary).orElse(null);
    Dependence d = t.dependence();
    return RowFactory.create(
        runId,
        t.task(),
        t.scope(),
        t.role().name().toLowerCase(),
        t.kind().name().toLowerCase(),
        t.tested() ? "TESTED" : "SKIPPED",
        t.skipReason().orElse(null),
        t.verdict().name(),
        t.verdict().explanation(),
        orNull(t.presence().auroc()),
        orNull(t.presence().balancedAccuracy()),
        orNull(t.presence().accuracy()),
        orNull(t.t()),
        orNull(t.rms()),
        orNull(t.p()),
        orNull(t.q()),
        orNull(t.holm()),
        t.nulls().map(NullDistribution::permutations).orElse(null),
        nulls == null ? null : nulls.mean(),
        nulls == null ? null : nulls.sd(),
        nulls == null ? null : nulls.p95(),
        t.nulls().map(NullDistribution::nonConverged).orElse(null),
        t.headConverged(),
        t.trainCounts(),
        t.presence().testCounts(),
        t.rowsMissingValue(),
        t.tested() || t.testability().isPresent() ? t.headSeparable() : null,
        orNull(d.shiftSd()),
        orNull(d.signedShiftSd()),
        d.tested() ? d.cell() : null,
        orNull(d.p()),
        orNull(d.q()),
        d.tested() ? d.permutations() : null,
        orNull(d.nullP95()),
        t.tested() ? d.movableRows() : null,
        t.tested() ? d.skipReason().orElse(null) : null,
        t.family(),
        t.testability().map(x -> x.unit().label()).orElse(null),
        t.testability().map(Testability::movableRows).orElse(null),
        t.testability().map(Testability::log10Permutations).orElse(null),
        orNull(t.tPermutationZero()));
  }
}
