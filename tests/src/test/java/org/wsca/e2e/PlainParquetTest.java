package org.wsca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.demo.DemoData;
import org.wsca.result.AuditResult;
import org.wsca.run.AuditRun;

/** Every result table opens in a reader that is not Spark (DuckDB), with the same contents. */
class PlainParquetTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void everyTableReadsInDuckDb() throws SQLException {
    String data = Fixtures.demoData(spark(), dir, DemoData.Variant.BIASED, 8, 0.15, 2);
    AuditResult result =
        new AuditRun(
                spark(),
                Fixtures.demoSettings(
                    data, dir.resolve("out"), "scopes.per-site=false", "permutation.count=19"))
            .execute();
    String root = result.outputPath().replaceFirst("^file:", "");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      for (String table : List.of("tests", "wsc", "heads", "pca", "manifest")) {
        long spark = spark().read().parquet(result.outputPath() + "/" + table).count();
        assertThat(count(sql, root + "/" + table)).as(table).isEqualTo(spark).isPositive();
      }
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT verdict, t FROM read_parquet('"
                  + root
                  + "/tests/*.parquet') WHERE task = 'scanner' AND scope = 'pooled'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(result.tests().get(0).verdict().name());
        assertThat(rs.getDouble(2)).isEqualTo(result.tests().get(0).t());
      }
    }
  }

  private static long count(Statement sql, String table) throws SQLException {
    try (ResultSet rs =
        sql.executeQuery("SELECT count(*) FROM read_parquet('" + table + "/*.parquet')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
