package org.wsca.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The facts a reader needs to compare timings: cores, memory, Java, BLAS and the load. */
public record Machine(
    int cores, long memoryMb, long maxHeapMb, String javaVersion, String os, String blas) {

  public static Machine current(String blas) {
    Runtime runtime = Runtime.getRuntime();
    return new Machine(
        runtime.availableProcessors(),
        physicalMemoryMb(),
        runtime.maxMemory() >> 20,
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        blas);
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
