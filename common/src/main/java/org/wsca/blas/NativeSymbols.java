package org.wsca.blas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * Which loaded library file provides a global native symbol (Linux: dlsym, then /proc/self/maps).
 * Two OpenBLAS copies cannot both serve one JVM: once netlib has loaded the system's libblas.so.3
 * (it does so globally), the bundled JNI binds {@code cblas_dgemm} to it. Asking the loader is the
 * only honest way to say which library a call reaches.
 */
final class NativeSymbols {
  private static final Path MAPS = Path.of("/proc/self/maps");

  private NativeSymbols() {}

  /** The file that provides {@code symbol} in the global scope; empty if none (or not Linux). */
  static Optional<String> providerOf(String symbol) {
    if (!Files.isReadable(MAPS)) {
      return Optional.empty();
    }
    try {
      Pointer address = Loader.addressof(symbol);
      if (address == null || address.isNull()) {
        return Optional.empty();
      }
      return mappingOf(address.address(), Files.readAllLines(MAPS));
    } catch (IOException | RuntimeException | LinkageError e) {
      // No JavaCPP natives for this platform: nothing to ask.
      return Optional.empty();
    }
  }

  /** The path of the mapping in {@code maps} (lines of /proc/self/maps) that holds the address. */
  static Optional<String> mappingOf(long address, List<String> maps) {
    for (String line : maps) {
      String[] fields = line.trim().split("\\s+", 6);
      if (fields.length < 6) {
        continue;
      }
      String[] range = fields[0].split("-");
      long start = Long.parseUnsignedLong(range[0], 16);
      long end = Long.parseUnsignedLong(range[1], 16);
      if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
        return Optional.of(fields[5]);
      }
    }
    return Optional.empty();
  }
}
