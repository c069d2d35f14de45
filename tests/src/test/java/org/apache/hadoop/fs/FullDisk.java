package org.apache.hadoop.fs;

import java.io.IOException;

/** Hadoop's FSError has no public constructor: this is how its local file system raises one. */
public final class FullDisk {
  private FullDisk() {}

  public static FSError error() {
    return new FSError(new IOException("No space left on device"));
  }
}
