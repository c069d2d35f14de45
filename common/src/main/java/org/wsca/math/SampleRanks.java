package org.wsca.math;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Each training row's rank inside its stratum, by sample_id in Spark's string order ({@link
 * SparkOrder}): the address of its label in a {@link PermutationDesign}. Built on the driver from
 * the design's own sorted rows, so the engines look ranks up next to the rows instead of computing
 * them with a window, which shuffles every row (embeddings included) once more.
 */
public final class SampleRanks implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[][][] keys;

  private SampleRanks(byte[][][] keys) {
    this.keys = keys;
  }

  /** {@code sampleIds[s]}: stratum s's sample ids in ascending Spark order, without repeats. */
  public static SampleRanks of(String[][] sampleIds) {
    byte[][][] keys = new byte[sampleIds.length][][];
    for (int s = 0; s < keys.length; s++) {
      keys[s] = new byte[sampleIds[s].length][];
      for (int r = 0; r < keys[s].length; r++) {
        keys[s][r] = SparkOrder.key(sampleIds[s][r]);
        if (r > 0 && SparkOrder.compare(keys[s][r - 1], keys[s][r]) >= 0) {
          throw new IllegalArgumentException(
              "Sample ids of stratum "
                  + s
                  + " are not strictly ascending at rank "
                  + r
                  + " ('"
                  + sampleIds[s][r - 1]
                  + "', '"
                  + sampleIds[s][r]
                  + "')");
        }
      }
    }
    return new SampleRanks(keys);
  }

  /** The rank of {@code sampleId} in stratum {@code stratum}, from 0. */
  public int rank(int stratum, String sampleId) {
    int rank = Arrays.binarySearch(keys[stratum], SparkOrder.key(sampleId), SparkOrder::compare);
    if (rank < 0) {
      throw new IllegalArgumentException(
          "sample_id '"
              + sampleId
              + "' is not among the permutation design's rows of stratum "
              + stratum
              + "; the engine's rows and its design must be the same training rows");
    }
    return rank;
  }
}
