package org.wsca.input;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.exists;

import org.apache.spark.sql.Column;

/**
 * The largest embedding value accepted. Squares and their sums over rows must stay finite in double
 * precision (covariance, the heads' gradients): with |x| <= 1e100, x^2 <= 1e200, far below the
 * largest double (1.8e308) even summed over 1e100 rows. A finite value beyond it is bad input with
 * its own reject reason rather than an Infinity deep in the linear algebra.
 */
public final class EmbeddingBounds {
  public static final double MAX_ABS = 1e100;
  public static final String REASON = "extreme_embedding_value";

  private EmbeddingBounds() {}

  /** True when any element of the (double) embedding is beyond {@link #MAX_ABS}. */
  public static Column anyExtreme(Column embedding) {
    return exists(embedding, v -> abs(v).gt(MAX_ABS));
  }
}
