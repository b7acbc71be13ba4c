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
        double[][] transposed = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < m; q++) {
                transposed[q][i] = jac[i][q];
            }
        }
        HouseholderQr qr = new HouseholderQr(transposed, 0); // J^T = Q R
        // J Q = R^T (n x n): the step is Q y with y the damped solution of R^T y = -r
        double[][] rt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                rt[i][j] = qr.r(j, i);
            }
        }
        double[] y = stacked(rt, r, damping);
        double[] step = new double[m];
        System.arraycopy(y, 0, step, 0, n);
        qr.apply(step);
        return step;
    }
}
