package org.wsca.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions recorded in the manifest. */
public final class Versions {
  private Versions() {}

  public static String wsca() {
    try (InputStream in = Versions.class.getResourceAsStream("/org/wsca/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The BLAS implementation netlib picked: native (JNIBLAS), VectorBLAS or pure Java. */
  public static String blas() {
    return dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getSimpleName();
  }
}
