package org.wsca.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Up to {@link #MAX_ROWS} standardised training rows as one row-major {@code double[]} (a d x rows
 * column-major matrix for BLAS), with each row's stratum index and rank (position inside its
 * stratum in sample_id order), and, once labelled, the class of every row under every head of the
 * current chunk (row-major rows x heads).
 */
public final class RowBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows per block: large enough for level-3 BLAS, small enough for the score workspace. */
  public static final int MAX_ROWS = 1024;

  private final int dimension;
  private final int rows;
  private final double[] features;
  private final int[] strata;
  private final int[] ranks;
  private final int[] labels;
  private final int heads;

  private RowBlock(
      int dimension,
      int rows,
      double[] features,
      int[] strata,
      int[] ranks,
      int[] labels,
      int heads) {
    this.dimension = dimension;
    this.rows = rows;
    this.features = features;
    this.strata = strata;
    this.ranks = ranks;
    this.labels = labels;
    this.heads = heads;
  }

  public static Builder builder(int dimension) {
    return new Builder(dimension, MAX_ROWS);
  }

  public static Builder builder(int dimension, int capacity) {
    return new Builder(dimension, capacity);
  }

  /** The same rows with a label matrix (rows x heads, row-major); the features are shared. */
  public RowBlock withLabels(int[] labelMatrix, int labelHeads) {
    if (labelMatrix.length != rows * labelHeads) {
      throw new IllegalArgumentException(
          "Label matrix has "
              + labelMatrix.length
              + " entries, expected "
              + rows
              + " rows x "
              + labelHeads
              + " heads");
    }
    return new RowBlock(dimension, rows, features, strata, ranks, labelMatrix, labelHeads);
  }

  public int dimension() {
    return dimension;
  }

  public int rows() {
    return rows;
  }

  /** Row-major rows x d; not copied. */
  double[] features() {
    return features;
  }

  public int stratum(int row) {
    return strata[row];
  }

  public int rank(int row) {
    return ranks[row];
  }

  public int heads() {
    return heads;
  }

  /** Class of {@code row} under label column {@code head}. */
  public int label(int row, int head) {
    return labels[row * heads + head];
  }

  /** Collects rows until the block is full. */
  public static final class Builder {
    private final int dimension;
    private final int capacity;
    private double[] features;
    private int[] strata;
    private int[] ranks;
    private int rows;

    private Builder(int dimension, int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("Block capacity is " + capacity + "; it must be >= 1");
      }
      this.dimension = dimension;
      this.capacity = capacity;
      reset();
    }

    /** Adds a row, standardising it on the way. */
    public Builder add(double[] raw, Standardizer standardizer, int stratum, int rank) {
      if (isFull()) {
        throw new IllegalStateException("Block is full at " + capacity + " rows; build() it first");
      }
      standardizer.scale(raw, features, rows * dimension);
      strata[rows] = stratum;
      ranks[rows] = rank;
      rows++;
      return this;
    }

    public boolean isFull() {
      return rows == capacity;
    }

    public boolean isEmpty() {
      return rows == 0;
    }

    /** The block of the rows added since the last build; the builder starts afresh. */
    public RowBlock build() {
      RowBlock block =
          new RowBlock(
              dimension,
              rows,
              Arrays.copyOf(features, rows * dimension),
              Arrays.copyOf(strata, rows),
              Arrays.copyOf(ranks, rows),
              new int[0],
              0);
      reset();
      return block;
    }

    private void reset() {
      features = new double[capacity * dimension];
      strata = new int[capacity];
      ranks = new int[capacity];
      rows = 0;
    }
  }
}
