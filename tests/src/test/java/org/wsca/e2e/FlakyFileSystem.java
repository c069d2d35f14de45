package org.wsca.e2e;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;

/**
 * The local file system, except that while {@link #failUnder} names a folder, the first attempt of
 * every Spark task fails when it opens a Parquet file below it. Only the first attempt: a retry
 * reads the same bytes, so a run that retries must give the results of one that did not. Installed
 * as {@code fs.file.impl} (with the cache off, so every file system is this one).
 */
public class FlakyFileSystem extends LocalFileSystem {
  static final AtomicInteger INJECTED = new AtomicInteger();
  static volatile String failUnder;

  @Override
  public FSDataInputStream open(Path file, int bufferSize) throws IOException {
    TaskContext task = TaskContext.get();
    String folder = failUnder;
    if (folder != null
        && task != null
        && task.attemptNumber() == 0
        && file.toUri().getPath().startsWith(folder)
        && file.getName().endsWith(".parquet")) {
      INJECTED.incrementAndGet();
      throw new IOException(
          "Injected failure of the first attempt of task "
              + task.taskAttemptId()
              + " reading "
              + file);
    }
    return super.open(file, bufferSize);
  }
}
