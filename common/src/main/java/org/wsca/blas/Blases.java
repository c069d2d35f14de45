package org.wsca.blas;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the BLAS a {@link BlasSetting} names, once per JVM (driver and each executor). The rule for
 * {@link BlasChoice#AUTO}: the system's native BLAS when netlib finds one (it is what MLlib uses,
 * and one JVM cannot hold two OpenBLAS copies), else the bundled OpenBLAS, else pure Java.
 */
public final class Blases {
  private static final Logger LOG = LoggerFactory.getLogger(Blases.class);
  private static final Map<BlasSetting, Blas> LOADED = new ConcurrentHashMap<>();

  private Blases() {}

  public static Blas load(BlasSetting setting) {
    return LOADED.computeIfAbsent(setting, Blases::resolve);
  }

  private static synchronized Blas resolve(BlasSetting setting) {
    return switch (setting.choice()) {
      case JAVA -> NetlibBlas.java();
      case SYSTEM -> system();
      case BUNDLED -> bundled(setting.threads());
      case AUTO -> auto(setting.threads());
    };
  }

  private static Blas auto(int threads) {
    NetlibBlas netlib = NetlibBlas.picked();
    if (netlib.kind() == BlasChoice.SYSTEM) {
      return netlib;
    }
    try {
      return BundledBlas.load(threads);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.warn(
          "No native BLAS: the bundled OpenBLAS did not load ({}); the engine runs on pure Java,"
              + " 5-20x slower. Set -D{}=<writable folder> if the cause is the cache folder",
          e.toString(),
          BundledBlas.CACHE_DIR);
      return netlib;
    }
  }

  private static Blas system() {
    NetlibBlas netlib = NetlibBlas.picked();
    if (netlib.kind() != BlasChoice.SYSTEM) {
      throw new IllegalStateException(
          "permutation.blas = system, but netlib found no native BLAS (libblas.so.3) on this"
              + " machine: install one (Debian/Ubuntu: apt-get install libopenblas0), or set"
              + " permutation.blas = bundled (the OpenBLAS inside the jar) or auto");
    }
    return netlib;
  }

  private static Blas bundled(int threads) {
    BundledBlas bundled;
    try {
      bundled = BundledBlas.load(threads);
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalStateException(
          "permutation.blas = bundled, but the bundled OpenBLAS (linux-x86_64 only) did not load: "
              + e.getMessage()
              + ". If its cache folder is not writable set -D"
              + BundledBlas.CACHE_DIR
              + "=<writable folder>; otherwise set permutation.blas = auto",
          e);
    }
    if (bundled.servesItself()) {
      return bundled;
    }
    NetlibBlas system = NetlibBlas.picked();
    LOG.warn(
        "permutation.blas = bundled, but this JVM had already loaded {} before the engine ran,"
            + " and one JVM cannot use two OpenBLAS copies: the engine uses it",
        system.description());
    return system;
  }
}
