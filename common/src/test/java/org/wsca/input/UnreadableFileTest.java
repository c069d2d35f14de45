package org.wsca.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsca.errors.ExitCode;

class UnreadableFileTest {
  private static final List<InputFile> FILES =
      List.of(
          new InputFile("file:/data/site=A/part-0.parquet", 10),
          new InputFile("file:/data/site=B/part-1.parquet", 10));

  @Test
  void theFileIsFoundDeepInTheCausesWithOrWithoutItsScheme() {
    Exception spark =
        new RuntimeException(
            "Job aborted",
            new IllegalStateException(
                "Encountered error while reading file" + " /data/site=B/part-1.parquet. Details:",
                new IOException("not a Parquet file")));

    assertThat(UnreadableFile.namedIn(spark, FILES)).contains("file:/data/site=B/part-1.parquet");
  }

  @Test
  void aFailureNamingNoInputFileIsNotBlamedOnOne() {
    Exception other = new RuntimeException("Executor lost", new IOException("/data/other.txt"));

    assertThat(UnreadableFile.namedIn(other, FILES)).isEmpty();
  }

  @Test
  void theErrorIsBadInputNamingTheFileTheCauseAndTheFix() {
    var error =
        UnreadableFile.error(
            "file:/data/site=A/part-0.parquet",
            new RuntimeException("wrapped", new IOException("expected magic number")));

    assertThat(error.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error.getMessage())
        .isEqualTo(
            "Input file file:/data/site=A/part-0.parquet is not"
                + " readable as Parquet (IOException: expected magic number); it is corrupt or truncated,"
                + " often by an interrupted copy. Fix: remove it from the input folder, or write it"
                + " again (export or copy it anew).");
  }
}
