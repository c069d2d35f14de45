package org.wsca.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wsca.settings.Fixtures.failure;
import static org.wsca.settings.Fixtures.load;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsca.math.Metric;

class SettingsLoaderTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("settings.conf"), text);
  }

  private static Settings loadFile(Path file, Properties properties, String... overrides) {
    return SettingsLoader.load(Optional.of(file), List.of(overrides), properties);
  }

  @Test
  void defaultsComeFromReferenceConf() {
    Settings s = load();
    assertThat(s.seed()).isEqualTo(20260101L);
    assertThat(s.input().paths()).isEmpty();
    assertThat(s.input().columns())
        .isEqualTo(
            new Settings.Columns(
                "sample_id", "embedding", "site", "label", Optional.empty(), Optional.empty()));
    assertThat(s.input().metadata()).isEmpty();
    assertThat(s.input().maxRejectFraction()).isEqualTo(0.05);
    assertThat(s.split()).isEqualTo(new Settings.Split(0.2));
    assertThat(s.scopes()).isEqualTo(new Settings.Scopes(true, true, 10));
    assertThat(s.heads()).isEqualTo(new Settings.Heads(0.01, 100, 1e-6, 4));
    assertThat(s.primaryHead())
        .isEqualTo(new Settings.PrimaryHead(Optional.empty(), Settings.HeadFormat.AUTO));
    assertThat(s.projection())
        .isEqualTo(new Settings.Projection(Settings.ProjectionMethod.PCA, 50, 0.99));
    assertThat(s.metric()).isEqualTo(Metric.COSINE);
    assertThat(s.permutation())
        .isEqualTo(
            new Settings.Permutation(
                999, List.of(Settings.Stratum.SITE), Settings.Engine.BATCHED, 10, 256));
    assertThat(s.verdict()).isEqualTo(new Settings.VerdictThresholds(0.05, 0.10, 0.60));
    assertThat(s.output()).isEqualTo(new Settings.Output("wsca-output", "", 1));
  }

  @Test
  void userFileOverridesDefaults() throws IOException {
    Path f =
        file(
            "wsca {\n"
                + "  input.paths = [\"/data/a\", \"/data/b\"]\n"
                + "  input.columns.patient-id = pid\n"
                + "  permutation { count = 99, strata = [site, label] }\n"
                + "  metric = logit-correlation\n"
                + "}\n");
    Settings s = loadFile(f, new Properties());
    assertThat(s.input().paths()).containsExactly("/data/a", "/data/b");
    assertThat(s.input().columns().patientId()).contains("pid");
    assertThat(s.permutation().count()).isEqualTo(99);
    assertThat(s.permutation().strata())
        .containsExactly(Settings.Stratum.SITE, Settings.Stratum.LABEL);
    assertThat(s.metric()).isEqualTo(Metric.LOGIT_CORRELATION);
    assertThat(s.heads().maxIter()).isEqualTo(100);
  }

  @Test
  void systemPropertyOverridesFile() throws IOException {
    Path f = file("wsca.permutation.count = 99\nwsca.heads.max-iter = 7");
    System.setProperty("wsca.permutation.count", "199");
    try {
      Settings s = SettingsLoader.load(Optional.of(f), List.of());
      assertThat(s.permutation().count()).isEqualTo(199);
      assertThat(s.heads().maxIter()).isEqualTo(7);
    } finally {
      System.clearProperty("wsca.permutation.count");
    }
  }

  @Test
  void commandLineBeatsSystemPropertyAndFile() throws IOException {
    Path f = file("wsca.permutation.count = 99");
    Properties props = new Properties();
    props.setProperty("wsca.permutation.count", "199");
    Settings s = loadFile(f, props, "permutation.count=299");
    assertThat(s.permutation().count()).isEqualTo(299);
  }

  @Test
  void overridesAcceptFullKeysHoconListsAndLiteralStrings() {
    Settings s =
        load(
            "wsca.permutation.count=49",
            "input.paths=[\"hdfs://nn/a\", \"s3a://b/c\"]",
            "output.root=s3a://bucket/out#1",
            "scopes.per-site=false",
            "input.metadata=[{name = scanner, kind = categorical}]");
    assertThat(s.permutation().count()).isEqualTo(49);
    assertThat(s.input().paths()).containsExactly("hdfs://nn/a", "s3a://b/c");
    assertThat(s.output().root()).isEqualTo("s3a://bucket/out#1");
    assertThat(s.scopes().perSite()).isFalse();
    assertThat(s.input().metadata()).hasSize(1);
  }

  @Test
  void laterOverrideWins() {
    assertThat(load("permutation.count=49", "permutation.count=59").permutation().count())
        .isEqualTo(59);
  }

  @Test
  void systemPropertyValuesAreParsedLikeOverrides() {
    Properties props = new Properties();
    props.setProperty("wsca.input.paths", "[\"a\", \"b\"]");
    props.setProperty("spark.master", "local[2]");
    Settings s = SettingsLoader.load(Optional.empty(), List.of(), props);
    assertThat(s.input().paths()).containsExactly("a", "b");
  }

  @Test
  void resolvedJsonHoldsOverriddenValuesAndReloads() {
    Settings s = load("permutation.count=4321", "input.paths=[\"/x\"]");
    assertThat(s.resolvedJson()).contains("\"count\":4321").startsWith("{\"wsca\":{");
    Settings again = SettingsLoader.fromConfig(ConfigFactory.parseString(s.resolvedJson()));
    assertThat(again).isEqualTo(s);
  }

  @Test
  void fromConfigFillsDefaults() {
    Settings s = SettingsLoader.fromConfig(ConfigFactory.parseString("wsca.seed = 7"));
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.permutation().count()).isEqualTo(999);
  }

  @Test
  void missingUserFileNamesThePath() {
    Path missing = dir.resolve("nope.conf");
    String message =
        failure(() -> SettingsLoader.load(Optional.of(missing), List.of(), new Properties()));
    assertThat(message).contains(missing.toString()).contains("does not exist");
  }

  @Test
  void malformedUserFileNamesThePath() throws IOException {
    Path f = file("wsca { permutation.count = ");
    assertThat(failure(() -> loadFile(f, new Properties()))).contains(f.toString());
  }

  @Test
  void fileWithoutTheWscaRootIsRejected() throws IOException {
    Path f = file("permutation.count = 99");
    assertThat(failure(() -> loadFile(f, new Properties())))
        .contains("top-level keys [permutation]")
        .contains("wsca.permutation");
  }

  @Test
  void unknownTopLevelKeySuggestsTheNearest() {
    assertThat(failure("sed=5"))
        .contains("Unknown setting wsca.sed")
        .contains("did you mean wsca.seed?");
  }

  @Test
  void unknownNestedKeyNamesTheFullPathAndSuggestion() throws IOException {
    Path f = file("wsca {\n  permutaton { count = 99 }\n}");
    assertThat(failure(() -> loadFile(f, new Properties())))
        .contains("Unknown setting wsca.permutaton.count (did you mean wsca.permutation.count?)")
        .contains("settings.conf: 2");
  }

  @Test
  void unknownKeyInsideAKnownBlock() {
    assertThat(failure("heads.max-iters=5"))
        .contains("Unknown setting wsca.heads.max-iters (did you mean wsca.heads.max-iter?)");
  }

  @Test
  void keyInTheWrongBlockSuggestsWhereItBelongs() {
    assertThat(failure("count=5")).contains("did you mean wsca.permutation.count?");
  }

  @Test
  void unknownKeyInsideAMetadataTask() {
    String message = failure("input.metadata=[{name = scanner, kind = binary, rol = clinical}]");
    assertThat(message)
        .contains("Unknown setting wsca.input.metadata[0].rol")
        .contains("did you mean wsca.input.metadata[0].role?");
  }

  @Test
  void unknownSystemPropertyIsRejected() {
    Properties props = new Properties();
    props.setProperty("wsca.verdict.alhpa", "0.1");
    assertThat(failure(() -> SettingsLoader.load(Optional.empty(), List.of(), props)))
        .contains("wsca.verdict.alhpa")
        .contains("did you mean wsca.verdict.alpha?");
  }

  @Test
  void everyUnknownKeyIsReportedAtOnce() {
    assertThat(failure("sed=5", "metrik=cosine")).contains("wsca.sed").contains("wsca.metrik");
  }

  @Test
  void nonNumericCountNamesThePath() {
    assertThat(failure("permutation.count=\"many\""))
        .contains("wsca.permutation.count = \"many\"")
        .contains("whole number");
  }

  @Test
  void fractionalCountIsRejected() {
    assertThat(failure("permutation.count=99.5")).contains("wsca.permutation.count = 99.5");
  }

  @Test
  void hugeCountIsRejected() {
    assertThat(failure("permutation.count=99999999999")).contains("wsca.permutation.count");
  }

  @Test
  void wrongStructureNamesThePath() throws IOException {
    Path f = file("wsca.permutation.strata = site");
    assertThat(failure(() -> loadFile(f, new Properties())))
        .contains("wsca.permutation.strata = \"site\" has the wrong type")
        .contains("[\"site\"]");
  }

  @Test
  void objectWhereANumberBelongsNamesThePath() {
    assertThat(failure("heads.tol={a = 1}")).contains("wsca.heads.tol").contains("wrong type");
  }

  @Test
  void malformedOverridesAreRejected() {
    assertThat(failure("permutation.count")).contains("not key=value");
    assertThat(failure("input.paths=[\"a\"")).contains("input.paths");
  }

  @Test
  void requireInputNeedsPaths() {
    assertThat(failure(() -> load().requireInput()))
        .contains("wsca.input.paths")
        .contains("--input");
    Settings s = load("input.paths=[\"/data\"]");
    assertThat(s.requireInput()).isSameAs(s);
  }

  @Test
  void settingsListsAreImmutable() {
    Settings s = load("input.paths=[\"/data\"]");
    assertThat(s.input().paths()).isUnmodifiable();
    assertThat(s.permutation().strata()).isUnmodifiable();
  }
}
