package org.wsca.input;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.errors.WscaException;
import org.wsca.method.Kind;
import org.wsca.settings.Settings;

/**
 * Reads the users' Parquet, maps their column names onto {@link Canonical} ones and validates every
 * row before any fitting (docs/method.md section 2). Failing rows are kept with a reason.
 */
public final class InputReader {
  private static final Logger LOG = LoggerFactory.getLogger(InputReader.class);
  private final SparkSession spark;
  private final Settings.Input input;

  public InputReader(SparkSession spark, Settings.Input input) {
    this.spark = spark;
    this.input = input;
  }

  public ValidatedInput read() {
    List<InputFile> files = listFiles();
    try {
      return validate(files);
    } catch (WscaException e) {
      throw e;
    } catch (Exception e) {
      // Spark reads lazily: a corrupt file fails at the first footer or row read, here.
      Optional<String> file = UnreadableFile.namedIn(e, files);
      if (file.isEmpty()) {
        throw e;
      }
      throw UnreadableFile.error(file.get(), e);
    }
  }

  private ValidatedInput validate(List<InputFile> files) {
    Dataset<Row> raw = readParquet(files);
    requireColumns(raw);
    Dataset<Row> tagged = withRejectReason(raw).persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Long> byReason = countByReason(tagged);
    long rowsRead = byReason.values().stream().mapToLong(Long::longValue).sum();
    byReason.remove(OK);
    long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
    String patients =
        byReason.containsKey(PATIENT_IN_SEVERAL_SITES) ? patientsInSeveralSites(tagged) : "";
    requireFewRejects(rowsRead, rejected, byReason, patients);
    Dataset<Row> valid = canonical(tagged.filter(col(Canonical.REJECT_REASON).isNull()));
    int dimension = requireOneDimension(valid);
    Dataset<Row> rejects =
        tagged.filter(col(Canonical.REJECT_REASON).isNotNull()).drop(Canonical.EMBEDDING + "__");
    return new ValidatedInput(
        valid, rejects, dimension, rowsRead, rejected, byReason, files, tagged);
  }

  private static final String OK = "ok";

  private List<InputFile> listFiles() {
    List<InputFile> files = new ArrayList<>();
    for (String p : input.paths()) {
      Path path = new Path(p);
      try {
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(path)) {
          throw WscaException.badInput(
              "Input path "
                  + p
                  + " does not exist. Fix wsca.input.paths (or --input) to name"
                  + " a Parquet folder or file.");
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
        while (it.hasNext()) {
          FileStatus status = it.next();
          String name = status.getPath().getName();
          if (!name.startsWith("_") && !name.startsWith(".")) {
            files.add(new InputFile(status.getPath().toString(), status.getLen()));
          }
        }
      } catch (IOException e) {
        throw WscaException.badInput("Cannot list input path " + p + ": " + e.getMessage());
      }
    }
    if (files.isEmpty()) {
      throw WscaException.badInput(
          "Input paths "
              + input.paths()
              + " hold no data files. Point wsca.input.paths at the"
              + " folder that holds the Parquet files (or site=... partition folders).");
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
  private Dataset<Row> readParquet(List<InputFile> files) {
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
      throw WscaException.badInput("Cannot open input path " + path + ": " + e.getMessage());
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
          DataType wider = wider(seen.dataType(), field.dataType());
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

  private static final List<DataType> INTEGRAL =
      List.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);
  private static final List<DataType> FLOATING = List.of(DataTypes.FloatType, DataTypes.DoubleType);

  /**
   * The type that holds both without changing a value: the wider integer, double for float and
   * double, element-wise for arrays; null when there is none (int and string, say).
   */
  private static DataType wider(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      DataType element = wider(x.elementType(), y.elementType());
      return element == null
          ? null
          : DataTypes.createArrayType(element, x.containsNull() || y.containsNull());
    }
    for (List<DataType> family : List.of(INTEGRAL, FLOATING)) {
      if (family.contains(a) && family.contains(b)) {
        return family.get(Math.max(family.indexOf(a), family.indexOf(b)));
      }
    }
    return null;
  }

  private WscaException typeConflict(
      String column,
      SchemaGroup first,
      DataType firstType,
      SchemaGroup second,
      DataType secondType) {
    return WscaException.badInput(
        "Column '"
            + column
            + "' is "
            + firstType.simpleString()
            + " in "
            + describe(first)
            + " but "
            + secondType.simpleString()
            + " in "
            + describe(second)
            + ". The two schemas: "
            + first.data().schema().simpleString()
            + " and "
            + second.data().schema().simpleString()
            + ". Integer types of different widths"
            + " and float/double are read as one type, but "
            + firstType.simpleString()
            + " and "
            + secondType.simpleString()
            + " are not. Fix: export '"
            + column
            + "' with one type at every site (e.g. cast it in the export), or audit these"
            + " inputs separately.");
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
                    (present.contains(f.name()) ? data.col(quote(f.name())) : lit(null))
                        .cast(f.dataType())
                        .as(f.name()))
            .toArray(Column[]::new);
    return data.select(columns);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private void requireColumns(Dataset<Row> raw) {
    List<String> available = Arrays.asList(raw.columns());
    Settings.Columns c = input.columns();
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put("wsca.input.columns.sample-id", c.sampleId());
    wanted.put("wsca.input.columns.embedding", c.embedding());
    wanted.put("wsca.input.columns.site", c.site());
    wanted.put("wsca.input.columns.label", c.label());
    c.patientId().ifPresent(v -> wanted.put("wsca.input.columns.patient-id", v));
    c.split().ifPresent(v -> wanted.put("wsca.input.columns.split", v));
    for (int i = 0; i < input.metadata().size(); i++) {
      wanted.put("wsca.input.metadata[" + i + "].column", input.metadata().get(i).column());
    }
    wanted.forEach(
        (key, column) -> {
          if (!available.contains(column)) {
            throw WscaException.badInput(
                "Column '"
                    + column
                    + "' ("
                    + key
                    + ") is not in the input. Available columns: "
                    + String.join(", ", available)
                    + ". Fix: set "
                    + key
                    + " to one of them.");
          }
        });
    DataType type = raw.schema().apply(c.embedding()).dataType();
    if (!isEmbeddingType(type)) {
      throw WscaException.badInput(
          "Embedding column '"
              + c.embedding()
              + "' has type "
              + type.simpleString()
              + "; expected array<float>, array<double> or an ML vector. Fix: export the"
              + " embedding as one of those types, or point wsca.input.columns.embedding at one.");
    }
  }

  private static boolean isEmbeddingType(DataType type) {
    if (type instanceof VectorUDT) {
      return true;
    }
    if (type instanceof ArrayType array) {
      DataType element = array.elementType();
      return element.equals(DataTypes.FloatType) || element.equals(DataTypes.DoubleType);
    }
    return false;
  }

  /** Adds the canonical embedding and the first reason a row fails, or null when it passes. */
  private Dataset<Row> withRejectReason(Dataset<Row> raw) {
    Settings.Columns c = input.columns();
    Column embedding = embeddingAsDoubles(raw, c.embedding());
    Column reason =
        when(col(c.sampleId()).isNull(), lit("missing_sample_id"))
            .when(col(c.site()).isNull(), lit("missing_site"))
            .when(col(c.label()).isNull(), lit("missing_primary_label"))
            .when(embedding.isNull(), lit("missing_embedding"))
            .when(size(embedding).equalTo(0), lit("empty_embedding"))
            .when(functionsExists(embedding), lit("non_finite_embedding_value"));
    if (c.split().isPresent()) {
      Column split = col(c.split().get()).cast("string");
      reason =
          reason.when(
              split.isNull().or(split.isin("train", "test").unary_$bang()),
              lit("invalid_split_value"));
    }
    reason =
        reason.when(
            count(lit(1)).over(Window.partitionBy(col(c.sampleId()))).gt(1),
            lit("duplicate_sample_id"));
    if (c.patientId().isPresent()) {
      reason = withPatientInSeveralSites(reason, col(c.patientId().get()), col(c.site()));
    }
    return raw.withColumn(Canonical.EMBEDDING + "__", embedding)
        .withColumn(Canonical.SOURCE_FILE, input_file_name())
        .withColumn(Canonical.REJECT_REASON, reason.otherwise(lit(null).cast("string")));
  }

  /**
   * A patient seen at two sites breaks both the patient-level split and the site-stratified
   * permutation, and which site is right cannot be known here: all of that patient's rows are
   * quarantined, the reason naming the patient, its sites and the fix.
   */
  private static Column withPatientInSeveralSites(Column reason, Column patient, Column site) {
    Column sites = array_sort(collect_set(site.cast("string")).over(Window.partitionBy(patient)));
    Column detail =
        concat(
            lit(PATIENT_IN_SEVERAL_SITES + ": patient '"),
            patient.cast("string"),
            lit("' appears in sites "),
            array_join(sites, ", "),
            lit(
                ". Fix: give each patient one site, or make patient ids unique per site"
                    + " (e.g. prefix them with the site)"));
    return reason.when(patient.isNotNull().and(size(sites).gt(1)), detail);
  }

  /** The reject reason of a patient seen at several sites; its rows' reasons add the details. */
  public static final String PATIENT_IN_SEVERAL_SITES = "patient_in_several_sites";

  private static Column embeddingAsDoubles(Dataset<Row> raw, String name) {
    DataType type = raw.schema().apply(name).dataType();
    if (type instanceof VectorUDT) {
      return org.apache.spark.ml.functions.vector_to_array(col(name), "float64");
    }
    return col(name).cast("array<double>");
  }

  /** True when any element is null, NaN or infinite. */
  private static Column functionsExists(Column embedding) {
    return org.apache.spark.sql.functions.exists(
        embedding,
        v ->
            v.isNull()
                .or(v.isNaN())
                .or(v.equalTo(Double.POSITIVE_INFINITY))
                .or(v.equalTo(Double.NEGATIVE_INFINITY)));
  }

  private static Map<String, Long> countByReason(Dataset<Row> tagged) {
    Map<String, Long> counts = new TreeMap<>();
    Column category = substring_index(col(Canonical.REJECT_REASON), ":", 1);
    for (Row r : tagged.groupBy(category).count().collectAsList()) {
      counts.put(r.isNullAt(0) ? OK : r.getString(0), r.getLong(1));
    }
    counts.putIfAbsent(OK, 0L);
    return counts;
  }

  private static final int EXAMPLES = 5;

  /** Up to five patients seen at several sites, each with its sites, logged as a warning. */
  private static String patientsInSeveralSites(Dataset<Row> tagged) {
    List<Row> rows =
        tagged
            .select(col(Canonical.REJECT_REASON))
            .filter(col(Canonical.REJECT_REASON).startsWith(PATIENT_IN_SEVERAL_SITES + ":"))
            .distinct()
            .orderBy(Canonical.REJECT_REASON)
            .limit(EXAMPLES)
            .collectAsList();
    String examples =
        rows.stream()
            .map(r -> r.getString(0).substring(PATIENT_IN_SEVERAL_SITES.length() + 2))
            .collect(Collectors.joining("; "));
    LOG.warn(
        "Rows of patients seen at several sites go to the rejects table ({}): {}",
        PATIENT_IN_SEVERAL_SITES,
        examples);
    return " Patients at several sites (up to " + EXAMPLES + "): " + examples + ".";
  }

  private void requireFewRejects(
      long rowsRead, long rejected, Map<String, Long> byReason, String details) {
    if (rowsRead == 0) {
      throw WscaException.badInput(
          "The input at " + input.paths() + " has no rows. Fix wsca.input.paths.");
    }
    double fraction = (double) rejected / rowsRead;
    if (fraction > input.maxRejectFraction()) {
      throw WscaException.badInput(
          String.format(
              "%d of %d input rows (%.1f%%) failed validation, more than"
                  + " wsca.input.max-reject-fraction = %s. Reasons: %s. Fix the export, or raise"
                  + " wsca.input.max-reject-fraction if these rows may be dropped.%s",
              rejected, rowsRead, 100 * fraction, input.maxRejectFraction(), byReason, details));
    }
  }

  private Dataset<Row> canonical(Dataset<Row> passed) {
    Settings.Columns c = input.columns();
    List<Column> columns = new ArrayList<>();
    columns.add(col(c.sampleId()).cast("string").as(Canonical.SAMPLE_ID));
    columns.add(col(c.site()).cast("string").as(Canonical.SITE));
    columns.add(col(Canonical.EMBEDDING + "__").as(Canonical.EMBEDDING));
    columns.add(col(c.label()).cast("string").as(Canonical.LABEL));
    columns.add(optional(c.patientId()).as(Canonical.PATIENT_ID));
    columns.add(optional(c.split()).as(Canonical.SPLIT));
    for (Settings.MetadataTask task : input.metadata()) {
      columns.add(metadataValue(task).as(Canonical.metadata(task.name())));
    }
    columns.add(col(Canonical.SOURCE_FILE));
    return passed.select(columns.toArray(new Column[0]));
  }

  private static Column optional(Optional<String> column) {
    return column.map(name -> col(name).cast("string")).orElse(lit(null).cast("string"));
  }

  /** Continuous values that are not finite numbers count as missing for that task only. */
  private static Column metadataValue(Settings.MetadataTask task) {
    if (task.kind() == Kind.CONTINUOUS) {
      Column v = col(task.column()).cast("double");
      return when(
              v.isNaN()
                  .or(v.equalTo(Double.POSITIVE_INFINITY))
                  .or(v.equalTo(Double.NEGATIVE_INFINITY)),
              lit(null).cast("double"))
          .otherwise(v);
    }
    return col(task.column()).cast("string");
  }

  private static int requireOneDimension(Dataset<Row> valid) {
    List<Row> sizes =
        valid
            .groupBy(size(col(Canonical.EMBEDDING)).as("d"))
            .agg(
                count(lit(1)).as("n"),
                expr("first(" + Canonical.SITE + ")").as("site"),
                expr("first(" + Canonical.SOURCE_FILE + ")").as("file"))
            .orderBy(col("n").desc())
            .collectAsList();
    if (sizes.size() > 1) {
      Row common = sizes.get(0);
      String others =
          sizes.subList(1, sizes.size()).stream()
              .map(
                  r ->
                      "dimension "
                          + r.getInt(0)
                          + " in "
                          + r.getLong(1)
                          + " rows (e.g. site="
                          + r.getString(2)
                          + ", file "
                          + r.getString(3)
                          + ")")
              .collect(Collectors.joining("; "));
      throw WscaException.badInput(
          "Embeddings must share one dimension: "
              + others
              + " differs from "
              + common.getInt(0)
              + " in "
              + common.getLong(1)
              + " rows (e.g. site="
              + common.getString(2)
              + "). Fix: export every site with the same model, or audit them separately.");
    }
    return sizes.isEmpty() ? 0 : sizes.get(0).getInt(0);
  }
}
