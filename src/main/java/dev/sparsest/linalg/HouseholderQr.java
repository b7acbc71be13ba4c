package dev.sparsest.linalg;

/**
 * A Householder QR factorization A = Q R of an m x n matrix with m &gt;= n, the reflectors kept to
 * apply Q or Q^T to vectors. Columns whose remaining norm is at most {@code dependent} times the
 * largest column norm are left unreflected and marked dependent (their R diagonal is not a pivot).
 */
final class HouseholderQr {
    private final int m;
    private final int n;
    /** R in the upper triangle after factoring (row-major, m x n). */
    private final double[][] r;
    private final double[][] reflectors;
    private final double[] beta;
    private final boolean[] dependent;

    /** Factors {@code a} (m rows x n columns, m &gt;= n); {@code a} is not changed. */
    HouseholderQr(double[][] a, double dependentTolerance) {
        m = a.length;
        n = m == 0 ? 0 : a[0].length;
        r = new double[m][];
        for (int i = 0; i < m; i++) {
            r[i] = a[i].clone();
        }
        reflectors = new double[n][];
        beta = new double[n];
        dependent = new boolean[n];
        double maxNorm = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += r[i][j] * r[i][j];
            }
            maxNorm = Math.max(maxNorm, Math.sqrt(s));
        }
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = j; i < m; i++) {
                norm = Math.hypot(norm, r[i][j]);
            }
            if (norm <= dependentTolerance * maxNorm) {
                dependent[j] = true;
                continue;
            }
            double alpha = r[j][j] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = j; i < m; i++) {
                v[i] = r[i][j];
            }
            v[j] -= alpha;
            double vv = 0;
            for (int i = j; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            reflectors[j] = v;
            beta[j] = 2 / vv;
            for (int col = j; col < n; col++) {
                reflect(j, r, col);
            }
        }
    }

    private void reflect(int j, double[][] target, int col) {
        double[] v = reflectors[j];
        double dot = 0;
        for (int i = j; i < m; i++) {
            dot += v[i] * target[i][col];
        }
        double f = beta[j] * dot;
        for (int i = j; i < m; i++) {
            target[i][col] -= f * v[i];
        }
    }

    /** b := Q^T b (length m). */
    void applyTransposed(double[] b) {
        for (int j = 0; j < n; j++) {
            reflect(j, b);
        }
    }

    /** x := Q x (length m). */
    void apply(double[] x) {
        for (int j = n - 1; j >= 0; j--) {
            reflect(j, x);
        }
    }

    private void reflect(int j, double[] b) {
        double[] v = reflectors[j];
        if (v == null) {
            return;
        }
        double dot = 0;
        for (int i = j; i < m; i++) {
            dot += v[i] * b[i];
        }
        double f = beta[j] * dot;
        for (int i = j; i < m; i++) {
            b[i] -= f * v[i];
        }
    }

    /** R[i][j] for i, j &lt; n. */
    double r(int i, int j) {
        return r[i][j];
    }

    boolean dependent(int j) {
        return dependent[j];
    }
}
