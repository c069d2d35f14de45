package org.wsca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the layering stated in every package-info.java: a package of common imports (or names in
 * code) only packages of a lower layer, so every arrow points down and there is no cycle.
 */
class LayeringTest {
  /** Layer per package, top to bottom (jobs, layer 8, is another module above all of these). */
  static final Map<String, Integer> LAYER =
      Map.ofEntries(
          Map.entry("study", 7),
          Map.entry("bench", 7),
          Map.entry("run", 6),
          Map.entry("report", 5),
          Map.entry("audit", 4),
          Map.entry("output", 4),
          Map.entry("result", 3),
          Map.entry("input", 3),
          Map.entry("resume", 3),
          Map.entry("demo", 3),
          Map.entry("settings", 2),
          Map.entry("method", 1),
          Map.entry("dependence", 1),
          Map.entry("engine", 1),
          Map.entry("math", 0),
          Map.entry("errors", 0),
          Map.entry("blas", 0));

  private static final Path SOURCES = Path.of("src/main/java/org/wsca");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.wsca\\.([a-z]+)\\.");

  @Test
  void everyPackageHasALayerAndAPackageInfo() throws IOException {
    List<String> packages = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
    }
    assertThat(packages).isNotEmpty();
    assertThat(LAYER.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    for (String p : packages) {
      assertThat(SOURCES.resolve(p).resolve("package-info.java")).exists();
    }
  }

  @Test
  void everyReferenceToAnotherPackagePointsDown() throws IOException {
    List<String> upward = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String from = SOURCES.relativize(file).getName(0).toString();
        for (String line : Files.readAllLines(file)) {
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
            continue; // Javadoc may name any class.
          }
          Matcher m = REFERENCE.matcher(code);
          while (m.find()) {
            String to = m.group(1);
            if (!to.equals(from) && LAYER.getOrDefault(to, 99) >= LAYER.get(from)) {
              upward.add(file + ": " + from + " -> " + to + " in: " + code);
            }
          }
        }
      }
    }
    assertThat(upward).as("references to the same or a higher layer").isEmpty();
  }

  @Test
  void theScanSeesAnUpwardImport() {
    Matcher m = REFERENCE.matcher("import org.wsca.run.AuditRun;");
    assertThat(m.find()).isTrue();
    assertThat(LAYER.get(m.group(1))).isGreaterThan(LAYER.get("audit"));
  }
}
