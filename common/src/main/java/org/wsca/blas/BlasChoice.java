package org.wsca.blas;

/** The {@code permutation.blas} setting: which BLAS the batched engine multiplies with. */
public enum BlasChoice {
  /** The system's native BLAS when netlib finds one, else the bundled OpenBLAS, else pure Java. */
  AUTO("auto"),
  /** The OpenBLAS inside the jar (JavaCPP extracts it to its cache folder on first use). */
  BUNDLED("bundled"),
  /** The system's native BLAS (libblas.so.3, e.g. Debian's libopenblas0) through netlib's JNI. */
  SYSTEM("system"),
  /** netlib's pure-Java BLAS: no native code; 5-20x slower at the engine's shapes. */
  JAVA("java");

  private final String label;

  BlasChoice(String label) {
    this.label = label;
  }

  /** The configuration spelling. */
  public String label() {
    return label;
  }
}
