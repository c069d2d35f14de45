package org.wsca.input;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.errors.WscaException;
import org.wsca.settings.Settings;

/**
 * Lists the input files and reads them as one table: the union of their columns, widening types
 * that differ only in width (docs/method.md section 2).
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
      return readBySchema(files);
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

  /** Files that share a footer schema, under one input path, read together by Spark. */
  private record SchemaGroup(List<String> files, Dataset<Row> data) {}

  private Dataset<Row> readBySchema(List<InputFile> files) {
    List<SchemaGroup> groups = groupBySchema(files);
    StructType widened = widenedSchema(groups);
    Dataset<Row> all = null;
    for (SchemaGroup group : groups) {
      Dataset<Row> part = conform(group.data(), widened);
      all = all == null ? part : all.union(part);
    }
    return all;
  }

  private List<SchemaGroup> groupBySchema(List<InputFile> files) {
    Map<List<String>, List<String>> byRootAndSchema = new LinkedHashMap<>();
    List<InputFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(InputFile::path));
    for (InputFile file : sorted) {
      List<String> key = List.of(rootOf(file.path()), footerSchema(file.path()));
      byRootAndSchema.computeIfAbsent(key, k -> new ArrayList<>()).add(file.path());
    }
    List<SchemaGroup> groups = new ArrayList<>();
    byRootAndSchema.forEach(
        (key, paths) -> groups.add(new SchemaGroup(paths, readGroup(key.get(0), paths))));
    return groups;
  }

  /** The input path (as listed, qualified) that holds {@code file}. */
  private String rootOf(String file) {
    for (String p : input.paths()) {
      String root = qualified(p);
      if (file.equals(root) || file.startsWith(root.endsWith("/") ? root : root + "/")) {
        return root;
      }
    }
    return file;
  }

  private String qualified(String path) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(hadoopConf()).makeQualified(p).toString();
    } catch (IOException e) {
      throw InputErrors.cannotOpen(path, e);
    }
  }

  private String footerSchema(String file) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), hadoopConf()))) {
      return reader.getFooter().getFileMetaData().getSchema().toString();
    } catch (IOException | RuntimeException e) {
      throw UnreadableFile.error(file, e);
    }
  }

  /** A group's files with their partition columns, found relative to the input path. */
  private Dataset<Row> readGroup(String root, List<String> paths) {
    DataFrameReader reader = spark.read();
    if (!paths.contains(root)) {
      reader = reader.option("basePath", root);
    }
    return reader.parquet(paths.toArray(new String[0]));
  }

  private Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  /** The union of the groups' columns, each with the widest type; a conflict stops the run. */
  private StructType widenedSchema(List<SchemaGroup> groups) {
    Map<String, StructField> fields = new LinkedHashMap<>();
    Map<String, SchemaGroup> firstSeen = new LinkedHashMap<>();
    for (SchemaGroup group : groups) {
      for (StructField field : group.data().schema().fields()) {
        StructField seen = fields.putIfAbsent(field.name(), field);
        firstSeen.putIfAbsent(field.name(), group);
        if (seen != null && !seen.dataType().equals(field.dataType())) {
          DataType wider = TypeWidening.wider(seen.dataType(), field.dataType());
          if (wider == null) {
            throw typeConflict(
                field.name(),
                firstSeen.get(field.name()),
                seen.dataType(),
                group,
                field.dataType());
          }
          LOG.warn(
              "Column '{}' is {} in {} and {} in {}: reading it as {}.",
              field.name(),
              seen.dataType().simpleString(),
              describe(firstSeen.get(field.name())),
              field.dataType().simpleString(),
              describe(group),
              wider.simpleString());
          fields.put(field.name(), DataTypes.createStructField(field.name(), wider, true));
        }
      }
    }
    return DataTypes.createStructType(new ArrayList<>(fields.values()));
  }

  private WscaException typeConflict(
      String column,
      SchemaGroup first,
      DataType firstType,
      SchemaGroup second,
      DataType secondType) {
    return InputErrors.typeConflict(
        column,
        describe(first),
        first.data().schema(),
        firstType,
        describe(second),
        second.data().schema(),
        secondType);
  }

  /** "site=A (2 files, e.g. file:/...)": the site folders of a group and an example file. */
  private String describe(SchemaGroup group) {
    List<String> files = group.files();
    String count =
        files.size() == 1 ? "file " + files.get(0) : files.size() + " files, e.g. " + files.get(0);
    Pattern folder = Pattern.compile("/(" + Pattern.quote(input.columns().site()) + "=[^/]+)/");
    String sites =
        files.stream()
            .map(folder::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .distinct()
            .sorted()
            .collect(Collectors.joining(", "));
    return sites.isEmpty() ? count : sites + " (" + count + ")";
  }

  /** The group's rows with every column of {@code schema}, in its order and types. */
  private static Dataset<Row> conform(Dataset<Row> data, StructType schema) {
    List<String> present = Arrays.asList(data.columns());
    Column[] columns =
        Arrays.stream(schema.fields())
            .map(
                f ->
                    (present.contains(f.name())
                            ? TypeWidening.widen(
                                data.col(quote(f.name())),
                                data.schema().apply(f.name()).dataType(),
                                f.dataType())
                            : lit(null).cast(f.dataType()))
                        .as(f.name()))
            .toArray(Column[]::new);
    return data.select(columns);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
