package org.wsca.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wsca.settings.Fixtures.failure;
import static org.wsca.settings.Fixtures.load;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsca.method.Kind;
import org.wsca.method.Role;
import org.wsca.settings.Settings.MetadataTask;

class MetadataParserTest {

  private static List<MetadataTask> tasks(String list, String... more) {
    String[] overrides = new String[more.length + 1];
    overrides[0] = "input.metadata=" + list;
    System.arraycopy(more, 0, overrides, 1, more.length);
    return load(overrides).input().metadata();
  }

  @Test
  void defaultsFillColumnRoleAndBins() {
    assertThat(tasks("[{name = scanner, kind = categorical}]"))
        .containsExactly(
            new MetadataTask("scanner", "scanner", Kind.CATEGORICAL, Role.CONFOUNDER, 4));
  }

  @Test
  void explicitFieldsWin() {
    assertThat(
            tasks(
                "[{name = cl, column = cervical_length_mm, kind = continuous, role = clinical,"
                    + " bins = 5}]"))
        .containsExactly(
            new MetadataTask("cl", "cervical_length_mm", Kind.CONTINUOUS, Role.CLINICAL, 5));
  }

  @Test
  void binsDefaultFollowsHeadsContinuousBins() {
    assertThat(tasks("[{name = age, kind = continuous}]", "heads.continuous-bins=6"))
        .extracting(MetadataTask::bins)
        .containsExactly(6);
  }

  @Test
  void kindAndRoleAreCaseInsensitive() {
    assertThat(tasks("[{name = sex, kind = BINARY, role = Clinical}]"))
        .containsExactly(new MetadataTask("sex", "sex", Kind.BINARY, Role.CLINICAL, 4));
  }

  @Test
  void orderIsKept() {
    assertThat(tasks("[{name = b, kind = binary}, {name = a, kind = binary}]"))
        .extracting(MetadataTask::name)
        .containsExactly("b", "a");
  }

  @Test
  void duplicateNamesAreRejected() {
    assertThat(
            failure(
                "input.metadata=[{name = scanner, kind = binary}, {name = scanner,"
                    + " column = scanner2, kind = binary}]"))
        .contains(
            "wsca.input.metadata[1].name = \"scanner\" repeats the name of"
                + " wsca.input.metadata[0]");
  }

  @Test
  void labelColumnCannotBeMetadata() {
    assertThat(failure("input.metadata=[{name = y, column = label, kind = binary}]"))
        .contains("wsca.input.metadata[0]")
        .contains("label column (wsca.input.columns.label)");
  }

  @Test
  void labelCheckFollowsTheConfiguredLabelColumn() {
    assertThat(
            failure(
                "input.columns.label=outcome", "input.metadata=[{name = outcome, kind = binary}]"))
        .contains("reads column \"outcome\"");
  }

  @Test
  void nameIsRequired() {
    assertThat(failure("input.metadata=[{column = scanner, kind = binary}]"))
        .contains("wsca.input.metadata[0].name is missing");
  }

  @Test
  void nameMustBeSafeForPaths() {
    assertThat(failure("input.metadata=[{name = \"scan/ner\", kind = binary}]"))
        .contains("wsca.input.metadata[0].name = \"scan/ner\" is not a valid task name");
  }

  @Test
  void kindIsRequired() {
    assertThat(failure("input.metadata=[{name = scanner}]"))
        .contains("wsca.input.metadata[0].kind is missing");
  }

  @Test
  void unknownKindAndRoleAreRejected() {
    assertThat(failure("input.metadata=[{name = a, kind = ordinal}]"))
        .contains("wsca.input.metadata[0].kind = \"ordinal\"")
        .contains("binary, categorical or continuous");
    assertThat(failure("input.metadata=[{name = a, kind = binary, role = nuisance}]"))
        .contains("wsca.input.metadata[0].role = \"nuisance\"")
        .contains("confounder or clinical");
  }

  @Test
  void binsOnANonContinuousTaskAreRejected() {
    assertThat(failure("input.metadata=[{name = a, kind = binary, bins = 3}]"))
        .contains("wsca.input.metadata[0].bins = 3 is set but task a is binary");
  }

  @Test
  void aTaskMustBeAnObject() {
    assertThat(failure("input.metadata=[scanner]"))
        .contains("wsca.input.metadata[0] = \"scanner\" is not a task");
  }

  @Test
  void wrongFieldTypeNamesTheElementPath() {
    assertThat(failure("input.metadata=[{name = age, kind = continuous, bins = many}]"))
        .contains("wsca.input.metadata[0].bins = \"many\" has the wrong type");
  }
}
