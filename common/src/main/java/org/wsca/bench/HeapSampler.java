package org.wsca.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The JVM's peak heap use while it is open, sampled every 20 ms by a daemon thread. The pools' own
 * peak counters are per pool and do not sum to a peak of the whole heap, hence sampling.
 */
public final class HeapSampler implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 20;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile long peakBytes;
  private volatile boolean running = true;

  private HeapSampler() {
    sample();
    thread = new Thread(this::loop, "wsca-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  public static HeapSampler start() {
    return new HeapSampler();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    peakBytes = Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
  }

  public long peakMb() {
    sample();
    return peakBytes >> 20;
  }

  public long maxMb() {
    return memory.getHeapMemoryUsage().getMax() >> 20;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
