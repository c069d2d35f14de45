package org.wsca.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Input rows written by writers other than Spark: DuckDB, and parquet-hadoop's example writer
 * (which writes the schema it is given, e.g. pyarrow's 3-level lists). Every embedding value is a
 * multiple of 1/4, so float, double and DuckDB's decimal literals hold it exactly.
 */
final class ForeignRows {
  private ForeignRows() {}

  static final int DIMENSION = 3;

  /** The embedding of row {@code i}: i/2 - 1 + j/4. */
  static float[] embedding(int i) {
    float[] x = new float[DIMENSION];
    for (int j = 0; j < DIMENSION; j++) {
      x[j] = (float) (i * 0.5 - 1 + j * 0.25);
    }
    return x;
  }

  /** The same as a DuckDB list expression over the integer column {@code i}. */
  static String duckEmbedding(String elementType) {
    return "[i * 0.5 - 1, i * 0.5 - 0.75, i * 0.5 - 0.5]::" + elementType + "[]";
  }

  static String label(int i) {
    return i % 2 == 0 ? "0" : "1";
  }

  static String scanner(int i) {
    return "S" + (i % 3);
  }

  /** sample_id to embedding (as doubles, like the canonical column) of rows {@code from..to-1}. */
  static Map<String, List<Double>> expected(String prefix, int from, int to) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (int i = from; i < to; i++) {
      float[] x = embedding(i);
      Double[] boxed = new Double[x.length];
      for (int j = 0; j < x.length; j++) {
        boxed[j] = (double) x[j];
      }
      out.put(prefix + i, List.of(boxed));
    }
    return out;
  }

  /** Runs DuckDB statements (in memory). */
  static void duckdb(String... statements) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    }
  }

  /**
   * pyarrow's list encoding: optional group (LIST) { repeated group list { optional element } }.
   */
  static final MessageType THREE_LEVEL =
      MessageTypeParser.parseMessageType(
          """
      message schema {
        required binary sample_id (STRING);
        optional binary label (STRING);
        optional binary scanner (STRING);
        optional group embedding (LIST) {
          repeated group list {
            optional float element;
          }
        }
      }""");

  /** The legacy 2-level list encoding of older parquet-avro and Hive writers. */
  static final MessageType TWO_LEVEL =
      MessageTypeParser.parseMessageType(
          """
      message schema {
        required binary sample_id (STRING);
        optional binary label (STRING);
        optional binary scanner (STRING);
        optional group embedding (LIST) {
          repeated float array;
        }
      }""");

  private static final Configuration HADOOP = new Configuration();

  /** Writes rows {@code from..to-1} to {@code file} with parquet-hadoop and {@code schema}. */
  static void writeParquetHadoop(Path file, MessageType schema, String prefix, int from, int to)
      throws IOException {
    Files.createDirectories(file.getParent());
    boolean threeLevel = !schema.getType("embedding").asGroupType().getType(0).isPrimitive();
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(
                HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), HADOOP))
            .withType(schema)
            .withConf(HADOOP)
            .build()) {
      for (int i = from; i < to; i++) {
        Group row =
            groups
                .newGroup()
                .append("sample_id", prefix + i)
                .append("label", label(i))
                .append("scanner", scanner(i));
        Group list = row.addGroup("embedding");
        for (float v : embedding(i)) {
          if (threeLevel) {
            list.addGroup("list").append("element", v);
          } else {
            list.append("array", v);
          }
        }
        writer.write(row);
      }
    }
  }
}
