package org.wsca.math;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Spark SQL's ascending order of strings, for sorting on the driver what Spark would have sorted:
 * the unsigned bytes of the UTF-8 encoding, a prefix first, null first (Spark's {@code
 * UTF8String.compareTo} and {@code asc}). Java's {@link String#compareTo} compares UTF-16 units
 * instead and differs on characters above U+FFFF, so a design sorted with it could permute
 * differently from one Spark sorted.
 */
public final class SparkOrder {
  /** Strings in Spark's order; encodes both sides on every call, so sort large lists by key. */
  public static final Comparator<String> STRINGS =
      Comparator.nullsFirst((a, b) -> Arrays.compareUnsigned(key(a), key(b)));

  private SparkOrder() {}

  /**
   * The bytes Spark compares: {@code UTF8String.fromString} encodes with {@link String#getBytes},
   * so unpaired surrogates become '?' in both.
   */
  public static byte[] key(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Compares two keys of {@link #key} as Spark compares the strings. */
  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
