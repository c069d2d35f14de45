package org.wsca.blas;

import java.io.Serializable;

/**
 * The BLAS one JVM of the run multiplies with: {@code executorId} is Spark's ("driver" in local
 * mode), {@code kind} the resolved {@link BlasChoice} label, {@code library} what was loaded.
 */
public record ExecutorBlas(String executorId, String host, String kind, String library, int threads)
    implements Serializable {

  /** This JVM's BLAS for {@code setting}, loading it if no task has yet. */
  static ExecutorBlas here(String executorId, String host, BlasSetting setting) {
    Blas blas = Blases.load(setting);
    return new ExecutorBlas(
        executorId, host, blas.kind().label(), blas.description(), blas.threads());
  }

  public boolean pureJava() {
    return BlasChoice.JAVA.label().equals(kind);
  }

  /** "bundled OpenBLAS 0.3.31 (JavaCPP), 1 thread" */
  public String describe() {
    return describe(library, threads);
  }

  /** The same words for a loaded {@link Blas}. */
  public static String describe(Blas blas) {
    return describe(blas.description(), blas.threads());
  }

  private static String describe(String library, int threads) {
    return library + (threads > 0 ? ", " + threads + (threads == 1 ? " thread" : " threads") : "");
  }
}
