package org.wsca.blas;

import java.io.Serializable;

/**
 * The BLAS choice and its threads per call, as the tasks receive it: every executor loads the same
 * choice ({@link Blases#load}). One thread by default because Spark already runs one task per core:
 * OpenBLAS threads on top would compete with the other tasks for the same cores.
 */
public record BlasSetting(BlasChoice choice, int threads) implements Serializable {
  public static final BlasSetting DEFAULT = new BlasSetting(BlasChoice.AUTO, 1);

  public BlasSetting {
    if (choice == null) {
      throw new IllegalArgumentException("The BLAS choice is missing");
    }
    if (threads < 1) {
      throw new IllegalArgumentException(
          "BLAS threads is " + threads + "; it must be at least 1 (the default is 1)");
    }
  }
}
