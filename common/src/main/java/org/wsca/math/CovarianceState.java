package org.wsca.math;

import dev.ludovic.netlib.blas.BLAS;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Mergeable running mean and covariance of d-dimensional rows (docs/method.md section 5.1), in the
 * Deequ style: each partition adds its rows, partial states merge associatively, and the final step
 * is pure.
 *
 * <p>Rows are buffered into blocks; a full block is centred on its own mean and its scatter is
 * added with one BLAS {@code dsyrk} call, then folded into the running (n, mean, M2) with Chan et
 * al.'s parallel formula. Centring before multiplying keeps the result accurate when the data carry
 * a large common offset, where the textbook sum(x x') - n mean mean' cancels catastrophically. Only
 * the upper triangle of M2 is maintained; {@link #covariance()} mirrors it.
 */
public final class CovarianceState implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows per dsyrk call: large enough for BLAS efficiency, small enough to stay in cache. */
  private static final int BLOCK_ROWS = 256;

  private final int dimension;
  private long count;
  private double[] mean;

  /** Column-major d x d centred scatter; upper triangle valid. Allocated on first use. */
  private double[] scatter;

  /** Pending rows, one per column of a column-major d x BLOCK_ROWS matrix; folded before use. */
  private double[] block;

  private int pending;

  public CovarianceState(int d) {
    if (d < 1) {
      throw new IllegalArgumentException("Dimension is " + d + "; it must be at least 1");
    }
    this.dimension = d;
  }

  public CovarianceState add(double[] x) {
    if (x.length != dimension) {
      throw new IllegalArgumentException(
          "Row has length "
              + x.length
              + " but this covariance has dimension "
              + dimension
              + "; every embedding of a scope must have the same length");
    }
    if (block == null) {
      block = new double[dimension * BLOCK_ROWS];
    }
    System.arraycopy(x, 0, block, pending * dimension, dimension);
    pending++;
    if (pending == BLOCK_ROWS) {
      foldBlock();
    }
    return this;
  }

  /** Adds other's rows to this state (associative, commutative up to rounding); returns this. */
  public CovarianceState merge(CovarianceState other) {
    if (other.dimension != dimension) {
      throw new IllegalArgumentException(
          "Cannot merge covariance states of dimension " + dimension + " and " + other.dimension);
    }
    foldBlock();
    other.foldBlock();
    if (other.count == 0) {
      return this;
    }
    combine(other.count, other.mean, other.scatter);
    return this;
  }

  public long count() {
    return count + pending;
  }

  public int dimension() {
    return dimension;
  }

  public double[] mean() {
    foldBlock();
    if (count == 0) {
      throw new IllegalStateException("The mean of zero rows is undefined; add rows first");
    }
    return mean.clone();
  }

  /** Unbiased (n - 1) covariance, d x d and symmetric. */
  public double[][] covariance() {
    foldBlock();
    if (count < 2) {
      throw new IllegalStateException(
          "A covariance needs at least 2 rows, this state has "
              + count
              + "; check that the scope has training rows");
    }
    double[][] covariance = new double[dimension][dimension];
    double divisor = count - 1.0;
    for (int j = 0; j < dimension; j++) {
      for (int i = 0; i <= j; i++) {
        double value = scatter[j * dimension + i] / divisor;
        covariance[i][j] = value;
        covariance[j][i] = value;
      }
    }
    return covariance;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    // Fold pending rows into the statistics and drop the buffer, so the stream carries only
    // (n, mean, M2). The buffer is deliberately not transient: a serializer that bypasses
    // writeObject (Kryo's field serializer) then still ships the pending rows.
    foldBlock();
    block = null;
    out.defaultWriteObject();
  }

  private void foldBlock() {
    if (pending == 0) {
      return;
    }
    int rows = pending;
    pending = 0;
    double[] blockMean = centreBlock(rows);
    boolean first = count == 0;
    if (first) {
      scatter = new double[dimension * dimension];
    }
    // The block's centred scatter goes straight into M2 (beta = 1); the between-means term of
    // Chan's formula is added by absorb.
    BLAS.getInstance()
        .dsyrk(
            "U",
            "N",
            dimension,
            rows,
            1.0,
            block,
            dimension,
            first ? 0.0 : 1.0,
            scatter,
            dimension);
    absorb(rows, blockMean);
  }

  /** Centres the pending columns in place and returns their mean. */
  private double[] centreBlock(int rows) {
    double[] blockMean = columnMean(rows);
    subtract(rows, blockMean);
    // A second pass on the residuals recovers the rounding error of the first mean, which
    // matters when values share a large offset.
    double[] correction = columnMean(rows);
    subtract(rows, correction);
    for (int i = 0; i < dimension; i++) {
      blockMean[i] += correction[i];
    }
    return blockMean;
  }

  private double[] columnMean(int rows) {
    double[] sum = new double[dimension];
    for (int r = 0; r < rows; r++) {
      int offset = r * dimension;
      for (int i = 0; i < dimension; i++) {
        sum[i] += block[offset + i];
      }
    }
    for (int i = 0; i < dimension; i++) {
      sum[i] /= rows;
    }
    return sum;
  }

  private void subtract(int rows, double[] centre) {
    for (int r = 0; r < rows; r++) {
      int offset = r * dimension;
      for (int i = 0; i < dimension; i++) {
        block[offset + i] -= centre[i];
      }
    }
  }

  /**
   * Adds another state's M2 to this one, then the remaining terms of Chan, Golub and LeVeque's
   * pairwise update. Reads otherScatter before writing, so merging a state with itself is safe.
   */
  private void combine(long otherCount, double[] otherMean, double[] otherScatter) {
    if (count == 0) {
      scatter = otherScatter.clone();
    } else {
      for (int j = 0; j < dimension; j++) {
        int column = j * dimension;
        for (int i = 0; i <= j; i++) {
          scatter[column + i] += otherScatter[column + i];
        }
      }
    }
    absorb(otherCount, otherMean);
  }

  /**
   * Given that M2 already holds M2a + M2b, completes M2 = M2a + M2b + delta delta' na nb / n and
   * mean = mean_a + delta nb / n, with delta = mean_b - mean_a.
   */
  private void absorb(long otherCount, double[] otherMean) {
    if (count == 0) {
      count = otherCount;
      mean = otherMean.clone();
      return;
    }
    long total = count + otherCount;
    double weight = (double) count * otherCount / total;
    double share = (double) otherCount / total;
    double[] delta = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      delta[i] = otherMean[i] - mean[i];
    }
    for (int j = 0; j < dimension; j++) {
      int column = j * dimension;
      double scaled = delta[j] * weight;
      for (int i = 0; i <= j; i++) {
        scatter[column + i] += delta[i] * scaled;
      }
    }
    for (int i = 0; i < dimension; i++) {
      mean[i] += delta[i] * share;
    }
    count = total;
  }
}
