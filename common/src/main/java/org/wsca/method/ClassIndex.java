package org.wsca.method;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of one task in one scope, in a fixed order: numeric when every value is a number (so
 * "2" comes before "10"), else lexicographic. For binary tasks the second class is the positive
 * one, whose log-odds direction is the head (docs/method.md section 3).
 */
public final class ClassIndex implements Serializable {
  private final List<String> classes;
  private final long[] counts;
  private final Map<String, Integer> positions = new HashMap<>();

  private ClassIndex(List<String> classes, long[] counts) {
    this.classes = List.copyOf(classes);
    this.counts = counts;
    for (int i = 0; i < classes.size(); i++) {
      positions.put(classes.get(i), i);
    }
  }

  public static ClassIndex of(Map<String, Long> countsByClass) {
    List<String> ordered = new ArrayList<>(countsByClass.keySet());
    ordered.sort(order(ordered));
    long[] counts = ordered.stream().mapToLong(countsByClass::get).toArray();
    return new ClassIndex(ordered, counts);
  }

  private static Comparator<String> order(List<String> values) {
    boolean numeric = !values.isEmpty() && values.stream().allMatch(ClassIndex::isNumber);
    return numeric ? Comparator.comparing(BigDecimal::new) : Comparator.naturalOrder();
  }

  private static boolean isNumber(String value) {
    try {
      new BigDecimal(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The class position, or -1 for a value this scope's training rows never showed. */
  public int index(String value) {
    Integer i = positions.get(value);
    return i == null ? -1 : i;
  }

  public List<String> classes() {
    return classes;
  }

  public int size() {
    return classes.size();
  }

  public long count(int index) {
    return counts[index];
  }

  /** The class with the fewest rows, or -1 when there are none. */
  public int rarest() {
    int rarest = -1;
    for (int i = 0; i < counts.length; i++) {
      if (rarest < 0 || counts[i] < counts[rarest]) {
        rarest = i;
      }
    }
    return rarest;
  }

  /** Class name to count, in class order, for the output tables. */
  public Map<String, Long> countsByClass() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      out.put(classes.get(i), counts[i]);
    }
    return Collections.unmodifiableMap(out);
  }
}
