package org.wsca.blas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlasCensusTest {
  private static final ExecutorBlas BUNDLED_0 =
      new ExecutorBlas("0", "a", "bundled", "bundled OpenBLAS 0.3.31 (JavaCPP)", 1);
  private static final ExecutorBlas BUNDLED_1 =
      new ExecutorBlas("1", "b", "bundled", "bundled OpenBLAS 0.3.31 (JavaCPP)", 1);
  private static final ExecutorBlas JAVA_2 =
      new ExecutorBlas("2", "c", "java", "pure Java (netlib Java11BLAS)", 1);

  @Test
  void summaryGroupsExecutorsByTheirBlas() {
    assertThat(BlasCensus.summary(List.of(BUNDLED_0, BUNDLED_1, JAVA_2)))
        .isEqualTo(
            "bundled OpenBLAS 0.3.31 (JavaCPP), 1 thread: executors 0, 1;"
                + " pure Java (netlib Java11BLAS), 1 thread: executors 2");
  }

  @Test
  void warnsOnlyWhenSomeExecutorRunsPureJava() {
    assertThat(BlasCensus.pureJavaWarning(List.of(BUNDLED_0, BUNDLED_1))).isEmpty();
    assertThat(BlasCensus.pureJavaWarning(List.of(BUNDLED_0, JAVA_2)))
        .startsWith("Executors 2 run the pure-Java BLAS");
  }

  @Test
  void aSystemBlasWithUnknownThreadsSaysNoCount() {
    ExecutorBlas system =
        new ExecutorBlas(
            "driver", "h", "system", "native /usr/lib/libblas.so.3 (netlib JNIBLAS)", -1);
    assertThat(system.describe()).isEqualTo("native /usr/lib/libblas.so.3 (netlib JNIBLAS)");
  }
}
