package org.wsca.study;

import java.util.List;

/**
 * One row of the study: a data-generating design (a demo variant or validation data), the single
 * metadata task tested on it in the pooled scope, the permutation strata, what is counted per data
 * set (the measure) and the target for its rate.
 *
 * @param key the scenario's name (not-encoded, encoded-not-used, shortcut, clinical)
 * @param column the metadata column audited; {@link CalibrationStudy#NOISE_COLUMN} is the study's
 *     label drawn independently of everything
 * @param kind the task's kind (categorical, continuous)
 * @param role confounder or clinical
 * @param strata permutation strata: [site] or [site, label]
 * @param measure what a data set counts as a hit: a WSC rejection, a claim of use, NOT_TESTED
 */
public record Scenario(
    String key,
    String description,
    StudyData data,
    String column,
    String kind,
    String role,
    List<String> strata,
    Target target,
    Measure measure) {

  /** The strata as written in the tables: "site" or "site+label". */
  public String strataName() {
    return String.join("+", strata);
  }

  /** "shortcut@site". */
  public String id() {
    return key + "@" + strataName();
  }

  /** The HOCON object of this scenario's metadata task. */
  String taskSetting() {
    String bins = kind.equals("continuous") ? ", bins = 4" : "";
    return "{name = " + column + ", kind = " + kind + ", role = " + role + bins + "}";
  }
}
