package dev.sparsest.linalg;

/**
 * The damped minimum-norm Gauss-Newton step of the polishing refinements. Internal to the
 * library, not part of its API.
 */
public final class GaussNewton {
    private GaussNewton() {
    }

    /**
     * delta = argmin ||J delta + r||^2 + mu ||delta||^2 with mu = 1e-14 ||J||_F^2 / n (J has n rows
     * and m columns): the minimum-norm step towards J delta = -r, damped so that a rank-deficient
     * J still gives a bounded step; equal to -J^T (J J^T + mu I)^-1 r. Solved by Householder QR,
     * which works with J's condition number where forming J J^T squares it:
     * <ul>
     *   <li>m &lt;= n: the least-squares problem [J; sqrt(mu) I] delta = [-r; 0] ({@link LeastSquares});</li>
     *   <li>m &gt; n (more unknowns than equations, the d-D polish): the step lies in the row space of J,
     *       so with J^T = Q R it is Q y for the n unknowns y of [R^T; sqrt(mu) I] y = [-r; 0], in
     *       O(m n^2) instead of O(m^3).</li>
     * </ul>
     * Null for an empty or zero J.
     */
    public static double[] minimumNormStep(double[][] jac, double[] r) {
        int n = jac.length;
        int m = n == 0 ? 0 : jac[0].length;
        double frobenius = 0;
        for (double[] row : jac) {
            for (double v : row) {
                frobenius += v * v;
            }
        }
        if (!(frobenius > 0) || Double.isInfinite(frobenius)) {
            return null;
        }
        double damping = Math.sqrt(1e-14 * frobenius / n);
        return m <= n ? stacked(jac, r, damping) : throughRowSpace(jac, r, damping);
    }

    /** argmin ||A x + b||^2 + damping^2 ||x||^2 (towards A x = -b), A with at least as many rows as columns. */
    private static double[] stacked(double[][] a, double[] b, double damping) {
        int n = a.length;
        int m = a[0].length;
        double[][] s = new double[n + m][];
        double[] t = new double[n + m];
        for (int i = 0; i < n; i++) {
            s[i] = a[i];
            t[i] = -b[i];
        }
        for (int q = 0; q < m; q++) {
            s[n + q] = new double[m];
            s[n + q][q] = damping;
        }
        return LeastSquares.solve(s, t);
    }

    private static double[] throughRowSpace(double[][] jac, double[] r, double damping) {
        int n = jac.length;
        int m = jac[0].length;
        // Householder QR of A = J^T (m x n), column by column; reflector j acts on rows j..m-1
        double[][] a = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < m; q++) {
                a[q][i] = jac[i][q];
            }
        }
        double[][] reflectors = new double[n][];
        double[] beta = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int q = j; q < m; q++) {
                norm = Math.hypot(norm, a[q][j]);
            }
            double[] v = new double[m];
            if (norm > 0) {
                double alpha = a[j][j] > 0 ? -norm : norm;
                for (int q = j; q < m; q++) {
                    v[q] = a[q][j];
                }
                v[j] -= alpha;
                double vv = 0;
                for (int q = j; q < m; q++) {
                    vv += v[q] * v[q];
                }
                beta[j] = vv == 0 ? 0 : 2 / vv;
                for (int col = j; col < n; col++) {
                    double dot = 0;
                    for (int q = j; q < m; q++) {
                        dot += v[q] * a[q][col];
                    }
                    double f = beta[j] * dot;
                    for (int q = j; q < m; q++) {
                        a[q][col] -= f * v[q];
                    }
                }
            }
            reflectors[j] = v;
        }
        // J Q = R^T (n x n): the step is Q y with y the damped solution of R^T y = -r
        double[][] rt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                rt[i][j] = a[j][i];
            }
        }
        double[] y = stacked(rt, r, damping);
        double[] step = new double[m];
        System.arraycopy(y, 0, step, 0, n);
        for (int j = n - 1; j >= 0; j--) { // Q = H_0 H_1 ... H_{n-1}: apply the last one first
            double[] v = reflectors[j];
            double dot = 0;
            for (int q = j; q < m; q++) {
                dot += v[q] * step[q];
            }
            double f = beta[j] * dot;
            for (int q = j; q < m; q++) {
                step[q] -= f * v[q];
            }
        }
        return step;
    }
}
