package org.wsca.blas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativeSymbolsTest {
  /** Lines as /proc/self/maps prints them (the last one with a path containing a space). */
  private static final List<String> MAPS =
      List.of(
          "7f50c4c20000-7f50c4d81000 r--p 00000000 fe:00 16040105    /lib/libopenblas.so.0",
          "7f50c4d81000-7f50c4d92000 r-xp 00161000 fe:00 16040105    /lib/libopenblas.so.0",
          "7f50c5000000-7f50c5001000 rw-p 00000000 00:00 0",
          "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0    /tmp/a b/libx.so");

  @Test
  void findsTheFileWhoseMappingHoldsTheAddress() {
    assertThat(NativeSymbols.mappingOf(0x7f50c4d81000L, MAPS)).contains("/lib/libopenblas.so.0");
    assertThat(NativeSymbols.mappingOf(0x7f50c4d91fffL, MAPS)).contains("/lib/libopenblas.so.0");
    assertThat(NativeSymbols.mappingOf(0xffffffffff600010L, MAPS)).contains("/tmp/a b/libx.so");
  }

  @Test
  void anonymousOrUnmappedAddressesHaveNoFile() {
    assertThat(NativeSymbols.mappingOf(0x7f50c5000010L, MAPS)).isEmpty();
    assertThat(NativeSymbols.mappingOf(0x1000L, MAPS)).isEmpty();
  }
}
