import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

import org.apache.spark.sql.SparkSession;

/**
 * Turns real_network.py's embeddings.csv into WSCA's input layout: Parquet partitioned by site, the
 * embedding as array<double>. A benchmark-time tool (Debian has no pyarrow); run as a single-file
 * program with the Spark jars the build copies and the module flags of spark-recipes.md:
 *
 * <pre>java $OPENS -cp 'jobs/target/spark-home/jars/*' tests/validation/CsvToParquet.java IN.csv OUT</pre>
 */
public final class CsvToParquet {
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("CsvToParquet")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    spark
        .read()
        .option("header", "true")
        .csv(args[0])
        .withColumn("embedding", split(col("embedding"), ";").cast("array<double>"))
        .write()
        .mode("overwrite")
        .partitionBy("site")
        .parquet(args[1]);
    spark.stop();
  }
}
