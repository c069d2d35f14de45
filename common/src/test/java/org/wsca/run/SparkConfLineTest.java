package org.wsca.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkConfLineTest {
  @Test
  void summarisesJvmOptionListsAndKeepsEveryOtherEntry() {
    String line =
        SparkConfLine.of(
            Map.of(
                "spark.master", "local[2]",
                "spark.driver.extraJavaOptions", " --add-opens=a  -Dx=1 --add-opens=b ",
                "spark.executor.defaultJavaOptions", "",
                "spark.sql.shuffle.partitions", "8"));

    assertThat(line)
        .isEqualTo(
            "{spark.driver.extraJavaOptions=<3 JVM options; full value in the manifest table>,"
                + " spark.executor.defaultJavaOptions=<0 JVM options; full value in the manifest"
                + " table>, spark.master=local[2], spark.sql.shuffle.partitions=8}");
    assertThat(line).doesNotContain("add-opens");
  }
}
