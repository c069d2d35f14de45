package org.wsca.dependence;

import java.io.Serializable;

/**
 * Permutation b of a stratum's metadata classes under the null (method.md, decision dependence). A
 * pure function of the stratum and b, so the test does not depend on where it runs. The row-level
 * one is {@link RowPermuter}; with per-patient metadata the exchangeable unit is the patient, and a
 * block permuter (whole patients move together) plugs in here.
 */
public interface StratumPermuter extends Serializable {
  /** The classes of the stratum's rows (sample_id order) under permutation b >= 1. */
  int[] permute(StratumScores stratum, int b);
}
