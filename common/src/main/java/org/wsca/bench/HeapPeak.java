package org.wsca.bench;

/**
 * Peak heap use of this JVM (the driver; in local mode also the executors), sampled every
 * {@value #EVERY_MILLIS} ms by a daemon thread while open. Sampling can miss a peak shorter
 * than the interval; the memory pools' own peak counters are no better, because the pools peak
 * at different moments and their sum overstates the total.
 */
final class HeapPeak implements AutoCloseable {
  static final long EVERY_MILLIS = 20;

  private final Thread sampler;
  private volatile long peak;
  private volatile boolean running = true;

  private HeapPeak() {
    sample();
    sampler = new Thread(this::run, "wsca-bench-heap-peak");
    sampler.setDaemon(true);
    sampler.start();
  }

  static HeapPeak start() {
    return new HeapPeak();
  }

  double megabytes() {
    sample();
    return peak / 1048576.0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }

  private void run() {
    while (running) {
      sample();
      try {
        Thread.sleep(EVERY_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void sample() {
    Runtime runtime = Runtime.getRuntime();
    peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
  }
}
