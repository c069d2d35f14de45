package org.wsca.input;

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
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
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
 * Reads input files whose column types differ only in width (int and bigint, float and double),
 * which Spark's mergeSchema refuses: the files are grouped by input path and footer schema, each
 * group is read by Spark, and the groups are widened to one schema and unioned.
 */
final class WidenedRead {
  private static final Logger LOG = LoggerFactory.getLogger(WidenedRead.class);
  private final SparkSession spark;
  private final Settings.Input input;

  WidenedRead(SparkSession spark, Settings.Input input) {
    this.spark = spark;
    this.input = input;
  }

  /** Files that share a footer schema, under one input path, read together by Spark. */
  private record SchemaGroup(List<String> files, Dataset<Row> data) {}

  /** The files as one table with every column at its widest type; a conflict stops the run. */
  Dataset<Row> read(List<InputFile> files) {
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
