package org.wsca.math;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash that is identical on every JVM, platform and run: FNV-1a over a length-prefixed
 * encoding of the parts (so that ("ab", "c") and ("a", "bc") differ), finished with SplitMix64's
 * mixer so that nearby inputs give unrelated outputs. A domain tag keeps the streams of different
 * uses (permutations, splits) apart. String.hashCode and Object.hashCode are not used: published
 * p-values and splits must be reproducible from the seed alone.
 */
final class StableHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private long state = FNV_OFFSET;

  private StableHash() {}

  static StableHash domain(String tag) {
    return new StableHash().add(tag);
  }

  StableHash add(String part) {
    if (part == null) {
      throw new IllegalArgumentException("Hash parts must not be null; use \"\" for none");
    }
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    addLong(bytes.length);
    for (byte b : bytes) {
      addByte(b);
    }
    return this;
  }

  StableHash add(long value) {
    addLong(value);
    return this;
  }

  long finish() {
    return mix64(state);
  }

  /** Maps a hash to a uniform double in [0, 1) from its top 53 bits. */
  static double unitInterval(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  private void addLong(long value) {
    for (int shift = 0; shift < 64; shift += 8) {
      addByte((byte) (value >>> shift));
    }
  }

  private void addByte(byte b) {
    state ^= b & 0xff;
    state *= FNV_PRIME;
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
