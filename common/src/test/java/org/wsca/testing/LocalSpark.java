package org.wsca.testing;

import org.apache.spark.sql.SparkSession;

/** The one local[2] session a unit-test class of this module shares: no UI, few partitions. */
public final class LocalSpark {
  private LocalSpark() {}

  /** A session named after {@code test}, with {@code shufflePartitions} shuffle partitions. */
  public static SparkSession start(Class<?> test, int shufflePartitions) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(test.getSimpleName())
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .getOrCreate();
  }
}
