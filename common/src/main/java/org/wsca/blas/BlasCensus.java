package org.wsca.blas;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which BLAS every executor runs: a tiny job of two tasks per executor, each loading the BLAS of
 * {@code permutation.blas} as the engine's tasks will and reporting it. Executors added later (by
 * dynamic allocation) are not seen; each loads the same setting when its first engine task runs.
 */
public final class BlasCensus {
  private static final Logger LOG = LoggerFactory.getLogger(BlasCensus.class);

  /** Long enough that the scheduler offers the tasks to every executor, not one fast one. */
  private static final long TASK_PAUSE_MILLIS = 200;

  private static final int MAX_ROUNDS = 3;

  private BlasCensus() {}

  /**
   * Censuses already taken, by application, setting and executors: a session that runs many audits
   * (the calibration study) takes one per set of executors.
   */
  private static final Map<String, List<ExecutorBlas>> TAKEN = new ConcurrentHashMap<>();

  /** One entry per executor seen (sorted by id), after loading the BLAS on each. */
  public static List<ExecutorBlas> take(SparkSession spark, BlasSetting setting) {
    String key =
        spark.sparkContext().applicationId()
            + " "
            + setting
            + " "
            + new TreeMap<>(
                    scala.collection.JavaConverters.mapAsJavaMap(
                        spark.sparkContext().getExecutorMemoryStatus()))
                .keySet();
    return TAKEN.computeIfAbsent(key, k -> fresh(spark, setting));
  }

  private static List<ExecutorBlas> fresh(SparkSession spark, BlasSetting setting) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    context.setJobDescription("BLAS of every executor (" + setting.choice().label() + ")");
    Map<String, ExecutorBlas> byId = new TreeMap<>();
    // Executors still registering when a round starts are caught by the next one.
    for (int round = 0; round < MAX_ROUNDS && byId.size() < registered(spark); round++) {
      int tasks = Math.max(2 * registered(spark), context.defaultParallelism());
      context
          .parallelize(IntStream.range(0, tasks).boxed().toList(), tasks)
          .map(i -> inTask(setting))
          .collect()
          .forEach(e -> byId.putIfAbsent(e.executorId(), e));
    }
    context.setJobDescription(null);
    List<ExecutorBlas> census = new ArrayList<>(byId.values());
    log(census);
    return census;
  }

  /**
   * Executors registered now (the driver's block manager is counted apart, except in local mode).
   */
  private static int registered(SparkSession spark) {
    return Math.max(1, spark.sparkContext().getExecutorMemoryStatus().size() - 1);
  }

  private static ExecutorBlas inTask(BlasSetting setting) throws InterruptedException {
    Thread.sleep(TASK_PAUSE_MILLIS);
    return ExecutorBlas.here(SparkEnv.get().executorId(), host(), setting);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  /** One line per distinct BLAS: "bundled OpenBLAS 0.3.31 (JavaCPP), 1 thread: executors 0, 1". */
  public static String summary(List<ExecutorBlas> census) {
    Map<String, List<String>> ids = new TreeMap<>();
    census.forEach(
        e -> ids.computeIfAbsent(e.describe(), k -> new ArrayList<>()).add(e.executorId()));
    return ids.entrySet().stream()
        .map(e -> e.getKey() + ": executors " + String.join(", ", e.getValue()))
        .collect(Collectors.joining("; "));
  }

  /** The warning a run gives, once, when any executor multiplies in pure Java; empty if none. */
  public static String pureJavaWarning(List<ExecutorBlas> census) {
    List<String> slow =
        census.stream().filter(ExecutorBlas::pureJava).map(ExecutorBlas::executorId).toList();
    if (slow.isEmpty()) {
      return "";
    }
    return "Executors "
        + String.join(", ", slow)
        + " run the pure-Java BLAS (5-20x slower permutations): the bundled OpenBLAS did not"
        + " load there (linux-x86_64 only; see the executor log) and no system BLAS was found";
  }

  private static void log(List<ExecutorBlas> census) {
    LOG.info("BLAS of the executors: {}", summary(census));
    String warning = pureJavaWarning(census);
    if (!warning.isEmpty()) {
      LOG.warn(warning);
    }
  }
}
