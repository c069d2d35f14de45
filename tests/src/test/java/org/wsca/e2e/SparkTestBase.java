package org.wsca.e2e;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SharedJavaSparkContext;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One local[2] SparkSession per test class through spark-testing-base, bridged to JUnit 5: its base
 * classes carry JUnit 4 lifecycle annotations that Jupiter does not run.
 */
public abstract class SparkTestBase extends JavaDataFrameSuiteBase {

  @BeforeEach
  void startSpark() {
    runBefore();
  }

  @AfterAll
  static void stopSpark() {
    SharedJavaSparkContext.runAfterClass();
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @Override
  public SparkConf conf() {
    return new SparkConf()
        .setMaster("local[2]")
        .setAppName(getClass().getSimpleName())
        .set("spark.ui.enabled", "false")
        .set("spark.sql.shuffle.partitions", "2")
        .set("spark.default.parallelism", "2");
  }
}
