package org.wsca.blas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The OpenBLAS inside the jar (bytedeco's BLAS-only build, linux-x86_64), called through {@code
 * cblas_dgemm} on off-heap copies of the arrays. JavaCPP's {@code double[]} overloads copy too (JNI
 * array elements) and ran 8x slower at one of the engine's key shapes (m = 256, d = 256: 2.4
 * against 20 GFLOP/s), so each thread keeps its own reused buffers and copies explicitly; the
 * copies cost about 5-25 % at the engine's shapes (docs/performance.md).
 */
final class BundledBlas implements Blas {
  static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";
  static final String NETLIB_LIBRARY = "dev.ludovic.netlib.blas.nativeLibPath";

  private final String description;
  private final int threads;
  private final String library;
  private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

  private BundledBlas(String description, int threads, String library) {
    this.description = description;
    this.threads = threads;
    this.library = library;
  }

  /**
   * Extracts and loads the bundled library with {@code threads} threads per call, then settles
   * netlib (MLlib's BLAS) on the same file when netlib has not chosen yet: a second OpenBLAS in the
   * JVM would clash (the system's libblas.so.3 binds to the bundled copy's symbols and crashes).
   * Throws {@link UnsatisfiedLinkError} when the library cannot load here.
   */
  static BundledBlas load(int threads) {
    useWritableCacheDir();
    Loader.load(openblas_nolapack.class);
    String library = bundledLibrary();
    if (System.getProperty(NETLIB_LIBRARY) == null && !library.isEmpty()) {
      System.setProperty(NETLIB_LIBRARY, library);
    }
    dev.ludovic.netlib.blas.BLAS.getInstance();
    org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    int actual = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
    return new BundledBlas("bundled OpenBLAS " + version() + " (JavaCPP)", actual, library);
  }

  /**
   * Whether the calls reach the bundled file: false when a system BLAS loaded earlier in this JVM
   * (by netlib, globally) provides {@code cblas_dgemm} instead.
   */
  boolean servesItself() {
    return NativeSymbols.providerOf("cblas_dgemm")
        .map(provider -> realPath(Path.of(provider)).equals(library))
        .orElse(true);
  }

  private static String realPath(Path path) {
    try {
      return path.toRealPath().toString();
    } catch (IOException e) {
      return path.toAbsolutePath().toString();
    }
  }

  /**
   * JavaCPP extracts to ~/.javacpp/cache; YARN and Kubernetes containers often cannot write there,
   * so unless the user set {@code -Dorg.bytedeco.javacpp.cachedir} the container's temp folder is
   * used instead.
   */
  private static void useWritableCacheDir() {
    if (System.getProperty(CACHE_DIR) != null) {
      return;
    }
    Path home = Path.of(System.getProperty("user.home", "/nonexistent"), ".javacpp");
    try {
      Files.createDirectories(home);
      if (Files.isWritable(home)) {
        return;
      }
    } catch (IOException | SecurityException e) {
      // fall through to the temp folder
    }
    System.setProperty(
        CACHE_DIR, new File(System.getProperty("java.io.tmpdir"), "wsca-javacpp").getPath());
  }

  /** The extracted libopenblas file in JavaCPP's cache, or "" when it cannot be found. */
  private static String bundledLibrary() {
    try {
      Path dir = Loader.getCacheDir().toPath();
      try (var files = Files.walk(dir)) {
        return files
            .filter(p -> p.getFileName().toString().startsWith("libopenblas_nolapack.so"))
            .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
            .map(BundledBlas::realPath)
            .findFirst()
            .orElse("");
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String version() {
    try {
      String v = Loader.getVersion("org.bytedeco", "openblas");
      return v == null ? "" : v.replaceFirst("-.*", "");
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void dgemm(
      String transA,
      String transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int lda,
      double[] b,
      int ldb,
      double beta,
      double[] c,
      int ldc) {
    if (m == 0 || n == 0 || k == 0) {
      return; // the engine never asks; a beta-only scaling of C is not needed
    }
    boolean ta = transposed(transA);
    boolean tb = transposed(transB);
    // The elements each column-major operand spans: (columns - 1) leading dimensions + rows.
    long aLength = ta ? (long) lda * (m - 1) + k : (long) lda * (k - 1) + m;
    long bLength = tb ? (long) ldb * (k - 1) + n : (long) ldb * (n - 1) + k;
    long cLength = (long) ldc * (n - 1) + m;
    Buffers w = buffers.get();
    DoublePointer pa = w.a.fill(a, aLength);
    DoublePointer pb = w.b.fill(b, bLength);
    DoublePointer pc = beta == 0.0 ? w.c.ensure(cLength) : w.c.fill(c, cLength);
    cblas_dgemm(
        CblasColMajor,
        ta ? CblasTrans : CblasNoTrans,
        tb ? CblasTrans : CblasNoTrans,
        m,
        n,
        k,
        alpha,
        pa,
        lda,
        pb,
        ldb,
        beta,
        pc,
        ldc);
    pc.position(0).get(c, 0, (int) cLength);
  }

  private static boolean transposed(String trans) {
    return trans.equalsIgnoreCase("T") || trans.equalsIgnoreCase("C");
  }

  @Override
  public BlasChoice kind() {
    return BlasChoice.BUNDLED;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int threads() {
    return threads;
  }

  /** One thread's three reused off-heap operands; they grow to the largest call and stay. */
  private static final class Buffers {
    final Buffer a = new Buffer();
    final Buffer b = new Buffer();
    final Buffer c = new Buffer();
  }

  private static final class Buffer {
    private DoublePointer pointer = new DoublePointer(0L);

    DoublePointer ensure(long length) {
      if (pointer.capacity() < length) {
        pointer.close();
        pointer = new DoublePointer(length);
      }
      return pointer.position(0);
    }

    DoublePointer fill(double[] values, long length) {
      return ensure(length).put(values, 0, (int) length).position(0);
    }
  }
}
