package org.wsca.dependence;

import java.io.Serializable;
import java.util.List;

/**
 * Permutation b of the metadata classes of every stratum under the null (docs/method.md section
 * 11). A pure function of the strata and b, so the test does not depend on where it runs. All
 * strata are permuted at once because an exchangeable unit may span strata: with per-patient
 * metadata the unit is the patient, and a patient's images can sit in several (label, site) strata.
 * {@link RowPermuter} moves single rows; a block permuter (whole patients, as the WSC test's
 * permutation design does) plugs in here.
 */
public interface StratumPermuter extends Serializable {
  /**
   * out[s][i]: the class of row i (sample_id order) of {@code strata.get(s)} under permutation b >=
   * 1; the multiset of classes of each stratum is kept. {@code strata} are the ones the statistic
   * reads (those where the metadata varies), sorted by name.
   */
  int[][] permute(List<StratumScores> strata, int b);

  /**
   * log10 of the distinct class assignments this permuter can reach on the statistic's strata:
   * below log10(1 / alpha) no p-value can reach alpha. Rows as units by default.
   */
  default double log10Assignments(ShiftStatistic statistic) {
    return statistic.log10Assignments();
  }
}
