package org.wsca.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.settings.Settings;

/**
 * Lists the input files and reads them as one table: the union of their columns (docs/method.md
 * section 2). Files whose types differ only in width are read by {@link WidenedRead}.
 */
final class InputFiles {
  private static final Logger LOG = LoggerFactory.getLogger(InputFiles.class);
  private final SparkSession spark;
  private final Settings.Input input;

  InputFiles(SparkSession spark, Settings.Input input) {
    this.spark = spark;
    this.input = input;
  }

  /** A huge input folder (a mistyped path) shows its listing progress at this many files. */
  private static final int LISTING_PROGRESS_EVERY = 10_000;

  /** Every data file under the input paths (names starting with _ or . are not data). */
  List<InputFile> list() {
    List<InputFile> files = new ArrayList<>();
    long listed = 0;
    for (String p : input.paths()) {
      Path path = new Path(p);
      try {
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(path)) {
          throw InputErrors.pathMissing(p);
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
        while (it.hasNext()) {
          FileStatus status = it.next();
          if (++listed % LISTING_PROGRESS_EVERY == 0) {
            LOG.info("Listing input: {} files so far (under {})", listed, p);
          }
          String name = status.getPath().getName();
          if (!name.startsWith("_") && !name.startsWith(".")) {
            files.add(new InputFile(status.getPath().toString(), status.getLen()));
          }
        }
      } catch (IOException e) {
        throw InputErrors.cannotList(p, e);
      }
    }
    if (files.isEmpty()) {
      throw InputErrors.noDataFiles(input.paths());
    }
    return files;
  }

  private static final String PARTITION_TYPE_INFERENCE =
      "spark.sql.sources.partitionColumnTypeInference.enabled";

  /**
   * All input files as one table, whatever wrote them. The columns are the union over the files (a
   * column that a site lacks reads as null), and partition folders read as strings (site=007 stays
   * "007"). Files whose column types differ only in width (int and bigint, float and double) are
   * read group by group and widened; other type differences stop the run.
   */
  Dataset<Row> read(List<InputFile> files) {
    String inference = spark.conf().get(PARTITION_TYPE_INFERENCE);
    spark.conf().set(PARTITION_TYPE_INFERENCE, "false");
    try {
      return spark
          .read()
          .option("mergeSchema", "true")
          .parquet(input.paths().toArray(new String[0]));
    } catch (Exception e) {
      if (!isSchemaConflict(e)) {
        throw e;
      }
      return new WidenedRead(spark, input).read(files);
    } finally {
      spark.conf().set(PARTITION_TYPE_INFERENCE, inference);
    }
  }

  private static boolean isSchemaConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable s && "CANNOT_MERGE_SCHEMAS".equals(s.getErrorClass())) {
        return true;
      }
    }
    return false;
  }
}
