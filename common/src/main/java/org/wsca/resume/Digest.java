package org.wsca.resume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over length-prefixed parts, as hex: stable across JVMs, unlike String.hashCode. */
final class Digest {
  private Digest() {}

  static String hex(int chars, String... parts) {
    MessageDigest sha = sha256();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) ':');
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, chars);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
