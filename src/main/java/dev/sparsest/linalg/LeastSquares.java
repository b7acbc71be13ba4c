package dev.sparsest.linalg;

/**
 * Dense least squares min ||A c - y|| by Householder QR (m >= n), in double. Columns whose
 * remaining norm is below a relative 1e-12 of the largest are treated as dependent and get
 * coefficient 0, so a rank-deficient design gives a basic solution instead of garbage.
 * Internal to the library (the post-processing's refits), not part of its API.
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    /** a is m rows x n columns (row-major a[i][j]); returns c of length n. Inputs are not modified. */
    public static double[] solve(double[][] a, double[] y) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        if (m < n) {
            throw new IllegalArgumentException("least squares needs at least as many rows as columns: " + m + " < " + n);
        }
        double[][] r = new double[m][];
        for (int i = 0; i < m; i++) {
            r[i] = a[i].clone();
        }
        double[] b = y.clone();
        double maxNorm = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += r[i][j] * r[i][j];
            }
            maxNorm = Math.max(maxNorm, Math.sqrt(s));
        }
        boolean[] dependent = new boolean[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = j; i < m; i++) {
                norm = Math.hypot(norm, r[i][j]);
            }
            if (norm <= 1e-12 * maxNorm) {
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
            for (int col = j; col < n; col++) {
                double dot = 0;
                for (int i = j; i < m; i++) {
                    dot += v[i] * r[i][col];
                }
                double f = 2 * dot / vv;
                for (int i = j; i < m; i++) {
                    r[i][col] -= f * v[i];
                }
            }
            double dot = 0;
            for (int i = j; i < m; i++) {
                dot += v[i] * b[i];
            }
            double f = 2 * dot / vv;
            for (int i = j; i < m; i++) {
                b[i] -= f * v[i];
            }
        }
        double[] c = new double[n];
        for (int j = n - 1; j >= 0; j--) {
            if (dependent[j]) {
                continue;
            }
            double s = b[j];
            for (int col = j + 1; col < n; col++) {
                s -= r[j][col] * c[col];
            }
            c[j] = s / r[j][j];
        }
        return c;
    }
}
