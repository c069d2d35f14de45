package org.wsca.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.wsca.errors.WscaException;

/**
 * Merges studies run in parts (for example {@code --seed 1000 --datasets 100} and {@code --seed
 * 1100 --datasets 100}, in parallel or on different machines) into one set of tables, as if one run
 * had audited every data set. The parts must share every setting but the seeds, and no seed may be
 * counted twice.
 */
public final class StudyMerge {
  /** The study settings that differ between parts by design. */
  private static final List<String> PER_PART = List.of("datasets", "base_seed");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Configuration hadoop;

  public StudyMerge(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** Reads every part, writes the merged datasets.csv, summary.csv and summary.json to output. */
  public List<ScenarioSummary> merge(List<String> parts, String output, double alpha) {
    try {
      List<DatasetOutcome> outcomes = new ArrayList<>();
      Map<String, String> firstPartOfKey = new HashMap<>();
      ObjectNode study = null;
      for (String part : parts) {
        ObjectNode partStudy = study(part);
        if (study == null) {
          study = partStudy;
        } else {
          requireSameSettings(study, parts.get(0), partStudy, part);
        }
        Path table = new Path(part, "datasets.csv");
        for (DatasetOutcome o : DatasetsCsv.parse(read(table), table.toString())) {
          String key = o.scenario() + "@" + o.strata() + " seed " + o.seed();
          String earlier = firstPartOfKey.putIfAbsent(key, part);
          if (earlier != null) {
            throw WscaException.badInput(
                "Scenario "
                    + key
                    + " is in both "
                    + earlier
                    + " and "
                    + part
                    + "; merge parts run with different seeds (--seed) only");
          }
          outcomes.add(o);
        }
      }
      List<ScenarioSummary> summaries =
          StudyReport.summarise(scenariosIn(outcomes), outcomes, alpha);
      Path out = new Path(output);
      StudyReport.writeTables(
          out.getFileSystem(hadoop),
          output,
          outcomes,
          summaries,
          mergedStudy(study, parts, outcomes));
      return summaries;
    } catch (IllegalArgumentException e) {
      throw WscaException.badInput(e.getMessage());
    } catch (IOException e) {
      throw WscaException.badInput(
          "Cannot merge the studies " + parts + " into " + output + ": " + e.getMessage());
    }
  }

  /** The scenarios the outcomes hold, in the order the study runs them. */
  private static List<Scenario> scenariosIn(List<DatasetOutcome> outcomes) {
    return Scenarios.known().stream()
        .filter(
            s ->
                outcomes.stream()
                    .anyMatch(
                        o -> o.scenario().equals(s.key()) && o.strata().equals(s.strataName())))
        .toList();
  }

  private ObjectNode study(String part) throws IOException {
    Path path = new Path(part, "summary.json");
    JsonNode study = JSON.readTree(read(path)).get("study");
    if (!(study instanceof ObjectNode object)) {
      throw WscaException.badInput(
          path + " has no \"study\" object; it was not written by the" + " calibration job");
    }
    return object;
  }

  private static void requireSameSettings(
      ObjectNode first, String firstPart, ObjectNode other, String otherPart) {
    TreeSet<String> names = new TreeSet<>();
    first.fieldNames().forEachRemaining(names::add);
    other.fieldNames().forEachRemaining(names::add);
    names.removeAll(PER_PART);
    for (String name : names) {
      if (!String.valueOf(first.get(name)).equals(String.valueOf(other.get(name)))) {
        throw WscaException.badInput(
            "Study setting '"
                + name
                + "' is "
                + first.get(name)
                + " in "
                + firstPart
                + " but "
                + other.get(name)
                + " in "
                + otherPart
                + "; merge only parts run with the same settings (all but --seed and --datasets)");
      }
    }
  }

  /** The shared settings, plus how many data sets and which seeds the merge holds. */
  private static ObjectNode mergedStudy(
      ObjectNode first, List<String> parts, List<DatasetOutcome> outcomes) {
    ObjectNode merged = first.deepCopy();
    merged.remove(PER_PART);
    TreeSet<Long> seeds = new TreeSet<>();
    outcomes.forEach(o -> seeds.add(o.seed()));
    merged.put("datasets", seeds.size());
    ArrayNode ranges = merged.putArray("seeds");
    seedRanges(seeds).forEach(ranges::add);
    ArrayNode from = merged.putArray("merged_from");
    parts.forEach(from::add);
    return merged;
  }

  /** Consecutive seeds as "first-last" ranges: 1000..1099 and 1100..1199 give "1000-1199". */
  static List<String> seedRanges(TreeSet<Long> seeds) {
    List<String> out = new ArrayList<>();
    Iterator<Long> it = seeds.iterator();
    if (!it.hasNext()) {
      return out;
    }
    long start = it.next();
    long end = start;
    while (it.hasNext()) {
      long next = it.next();
      if (next != end + 1) {
        out.add(start == end ? Long.toString(start) : start + "-" + end);
        start = next;
      }
      end = next;
    }
    out.add(start == end ? Long.toString(start) : start + "-" + end);
    return out;
  }

  private String read(Path path) throws IOException {
    FileSystem fs = path.getFileSystem(hadoop);
    if (!fs.exists(path)) {
      throw WscaException.badInput(
          path
              + " does not exist; --merge takes folders a"
              + " calibration run wrote (each holds datasets.csv and summary.json)");
    }
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
