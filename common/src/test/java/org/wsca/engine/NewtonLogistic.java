package org.wsca.engine;

/**
 * An independent reference: MLlib's penalised logistic objective minimised by Newton's method in
 * the raw coordinates, with the full Hessian solved by Gaussian elimination. For C > 2 the
 * intercepts are only defined up to a common shift; the term (1/2)(sum_c b_c)^2 fixes the centred
 * one without moving the optimum. Parameters: C x d coefficients row by row, then the C intercepts
 * (binary: one row, the log-odds of class 1).
 */
public final class NewtonLogistic {
  private final double[][] x;
  private final int[] y;
  private final int classes;
  private final double lambda;
  private final int rows;
  private final int columns;
  private final int d;

  public NewtonLogistic(double[][] x, int[] y, int classes, double lambda) {
    this.x = x;
    this.y = y;
    this.classes = classes;
    this.lambda = lambda;
    this.rows = x.length;
    this.d = x[0].length;
    this.columns = classes == 2 ? 1 : classes;
  }

  /** The optimum: coefficient rows one after the other, then the intercepts. */
  public double[] solve() {
    double[] theta = new double[columns * (d + 1)];
    for (int iteration = 0; iteration < 100; iteration++) {
      double[] gradient = new double[theta.length];
      double[][] hessian = new double[theta.length][theta.length];
      derivatives(theta, gradient, hessian);
      double[] step = Gauss.solve(hessian, gradient);
      double size = 0.0;
      for (int i = 0; i < theta.length; i++) {
        theta[i] -= step[i];
        size = Math.max(size, Math.abs(step[i]));
      }
      if (size < 1e-14) {
        break;
      }
    }
    return theta;
  }

  private void derivatives(double[] theta, double[] gradient, double[][] hessian) {
    for (int i = 0; i < rows; i++) {
      double[] p = probabilities(theta, x[i]);
      double[] residual = new double[columns];
      for (int k = 0; k < columns; k++) {
        residual[k] = p[k] - (target(i, k) ? 1.0 : 0.0);
      }
      for (int k = 0; k < columns; k++) {
        for (int j = 0; j <= d; j++) {
          gradient[index(k, j)] += residual[k] * feature(i, j) / rows;
          for (int l = 0; l < columns; l++) {
            double w = columns == 1 ? p[0] * (1 - p[0]) : p[k] * ((k == l ? 1 : 0) - p[l]);
            for (int m = 0; m <= d; m++) {
              hessian[index(k, j)][index(l, m)] += w * feature(i, j) * feature(i, m) / rows;
            }
          }
        }
      }
    }
    penalise(theta, gradient, hessian);
  }

  private void penalise(double[] theta, double[] gradient, double[][] hessian) {
    for (int k = 0; k < columns; k++) {
      for (int j = 0; j < d; j++) {
        gradient[index(k, j)] += lambda * theta[index(k, j)];
        hessian[index(k, j)][index(k, j)] += lambda;
      }
    }
    if (columns > 1) {
      double sum = 0.0;
      for (int k = 0; k < columns; k++) {
        sum += theta[index(k, d)];
      }
      for (int k = 0; k < columns; k++) {
        gradient[index(k, d)] += sum;
        for (int l = 0; l < columns; l++) {
          hessian[index(k, d)][index(l, d)] += 1.0;
        }
      }
    }
  }

  private boolean target(int i, int k) {
    return columns == 1 ? y[i] == 1 : y[i] == k;
  }

  private double feature(int i, int j) {
    return j == d ? 1.0 : x[i][j];
  }

  /** Coefficient j of column k; j = d is the intercept. */
  private int index(int k, int j) {
    return j == d ? columns * d + k : k * d + j;
  }

  private double[] probabilities(double[] theta, double[] row) {
    double[] z = new double[columns];
    for (int k = 0; k < columns; k++) {
      z[k] = theta[index(k, d)];
      for (int j = 0; j < d; j++) {
        z[k] += theta[index(k, j)] * row[j];
      }
    }
    if (columns == 1) {
      return new double[] {1.0 / (1.0 + Math.exp(-z[0]))};
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0.0;
    double[] p = new double[columns];
    for (int k = 0; k < columns; k++) {
      p[k] = Math.exp(z[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < columns; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** Dense Gaussian elimination with partial pivoting. */
  static final class Gauss {
    private Gauss() {}

    static double[] solve(double[][] matrix, double[] rhs) {
      int n = rhs.length;
      double[][] a = new double[n][];
      for (int i = 0; i < n; i++) {
        a[i] = java.util.Arrays.copyOf(matrix[i], n + 1);
        a[i][n] = rhs[i];
      }
      for (int col = 0; col < n; col++) {
        int pivot = col;
        for (int r = col + 1; r < n; r++) {
          if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
            pivot = r;
          }
        }
        double[] swap = a[col];
        a[col] = a[pivot];
        a[pivot] = swap;
        for (int r = col + 1; r < n; r++) {
          double factor = a[r][col] / a[col][col];
          for (int c = col; c <= n; c++) {
            a[r][c] -= factor * a[col][c];
          }
        }
      }
      double[] out = new double[n];
      for (int r = n - 1; r >= 0; r--) {
        double sum = a[r][n];
        for (int c = r + 1; c < n; c++) {
          sum -= a[r][c] * out[c];
        }
        out[r] = sum / a[r][r];
      }
      return out;
    }
  }
}
