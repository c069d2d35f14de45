package org.wsca.audit;

import org.apache.spark.sql.SparkSession;

/** Labels the Spark jobs that follow, so the Spark UI reads like the method. */
public final class SparkPhase {
  public static final String GROUP = "wsca";

  private SparkPhase() {}

  public static void label(SparkSession spark, String description) {
    spark.sparkContext().setJobGroup(GROUP, description, false);
  }
}
