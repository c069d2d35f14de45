package org.wsca.result;

/**
 * One row of the pca table: the projection chosen for a scope by the k rule (docs/method.md 5.2).
 */
public record PcaSummary(
    String scope,
    String method,
    int dimension,
    int rank,
    int k,
    double explainedFraction,
    double[] eigenvalues,
    long trainRows) {}
