package org.wsca.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void keysNamingASecretHaveTheirValueHiddenWhateverTheCase() {
    Map<String, String> conf =
        Map.of(
            "spark.hadoop.fs.s3a.secret.key", "S3SECRET",
            "spark.hadoop.fs.s3a.access.key", "AKIAEXAMPLE",
            "spark.my.PASSWORD", "hunter2",
            "spark.authenticate.secret", "shh",
            "spark.hadoop.fs.azure.sas.token", "sv=2020",
            "spark.hadoop.google.cloud.auth.service.account.json.keyfile", "/k.json",
            "spark.kubernetes.authenticate.oauthCredential", "cred",
            "spark.master", "local[2]",
            "spark.app.name", "wsca");

    Map<String, String> shown = Redaction.redact(conf);

    assertThat(shown)
        .containsExactly(
            Map.entry("spark.app.name", "wsca"),
            Map.entry("spark.authenticate.secret", Redaction.REDACTED),
            Map.entry("spark.hadoop.fs.azure.sas.token", Redaction.REDACTED),
            Map.entry("spark.hadoop.fs.s3a.access.key", Redaction.REDACTED),
            Map.entry("spark.hadoop.fs.s3a.secret.key", Redaction.REDACTED),
            Map.entry(
                "spark.hadoop.google.cloud.auth.service.account.json.keyfile", Redaction.REDACTED),
            Map.entry("spark.kubernetes.authenticate.oauthCredential", Redaction.REDACTED),
            Map.entry("spark.master", "local[2]"),
            Map.entry("spark.my.PASSWORD", Redaction.REDACTED));
  }

  @Test
  void credentialsInAUrlAreHiddenButTheRestOfTheUrlIsKept() {
    assertThat(Redaction.redact("spark.eventLog.dir", "s3a://AKIA:s3cr3t@bucket/logs"))
        .isEqualTo("s3a://" + Redaction.REDACTED + "@bucket/logs");
    assertThat(Redaction.redact("spark.eventLog.dir", "hdfs://namenode:8020/logs"))
        .isEqualTo("hdfs://namenode:8020/logs");
  }

  @Test
  void aNullValueStaysNull() {
    assertThat(Redaction.redact("spark.my.token", null)).isNull();
  }
}
