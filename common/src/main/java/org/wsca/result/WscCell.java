package org.wsca.result;

import java.util.ArrayList;
import java.util.List;

/** One cell of a signed WSC matrix: primary class i against metadata class j in a scope. */
public record WscCell(
    String scope,
    String task,
    String primaryClass,
    String metadataClass,
    int row,
    int column,
    double wsc) {

  /**
   * Every cell of {@code matrix}, rows named by {@code primaryLabels}, columns by {@code labels}.
   */
  public static List<WscCell> of(
      String scope,
      String task,
      List<String> primaryLabels,
      List<String> labels,
      double[][] matrix) {
    List<WscCell> cells = new ArrayList<>();
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < matrix[i].length; j++) {
        cells.add(
            new WscCell(scope, task, primaryLabels.get(i), labels.get(j), i, j, matrix[i][j]));
      }
    }
    return cells;
  }
}
