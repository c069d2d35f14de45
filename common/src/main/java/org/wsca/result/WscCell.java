package org.wsca.result;

/** One cell of a signed WSC matrix: primary class i against metadata class j in a scope. */
public record WscCell(
    String scope,
    String task,
    String primaryClass,
    String metadataClass,
    int row,
    int column,
    double wsc) {}
