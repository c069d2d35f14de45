package org.wsca.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds shared/golden beside the checkout (CI lays shared/ next to the clone). */
final class GoldenFiles {
  private GoldenFiles() {}

  static Path path(String name) {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("golden").resolve(name);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/golden/" + name + " not found above "
        + System.getProperty("user.dir"));
  }
}
