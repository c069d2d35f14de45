package org.wsca.e2e;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The golden reference files on the test classpath. They live once, in common's test resources
 * (golden/README.md gives their provenance); this module's pom adds that folder to its own test
 * resources.
 */
final class GoldenFiles {
  private GoldenFiles() {}

  static Path path(String name) {
    URL url = GoldenFiles.class.getResource("/golden/" + name);
    if (url == null) {
      throw new IllegalStateException("golden/" + name + " is not on the test classpath");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
