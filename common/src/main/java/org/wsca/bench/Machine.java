package org.wsca.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;
import org.wsca.blas.ExecutorBlas;

/**
 * The facts a reader needs to compare timings: cores, memory, Java, the driver's BLAS and every
 * executor's ({@link org.wsca.blas.BlasCensus}), and the load.
 */
public record Machine(
    int cores,
    long memoryMb,
    long maxHeapMb,
    String javaVersion,
    String os,
    String blas,
    List<ExecutorBlas> executorBlas) {

  public Machine {
    executorBlas = List.copyOf(executorBlas);
  }

  /** Without a census of the executors. */
  public Machine(
      int cores, long memoryMb, long maxHeapMb, String javaVersion, String os, String blas) {
    this(cores, memoryMb, maxHeapMb, javaVersion, os, blas, List.of());
  }

  public static Machine current(String blas) {
    return current(blas, List.of());
  }

  public static Machine current(String blas, List<ExecutorBlas> executorBlas) {
    Runtime runtime = Runtime.getRuntime();
    return new Machine(
        runtime.availableProcessors(),
        physicalMemoryMb(),
        runtime.maxMemory() >> 20,
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        blas,
        executorBlas);
  }

  /** The system's 1-minute load average (other processes share the cores); -1 if unknown. */
  public static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long physicalMemoryMb() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getTotalMemorySize() >> 20;
    }
    return -1;
  }
}
