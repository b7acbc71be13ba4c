package dev.sparsest.train;

/** The damped minimum-norm Gauss-Newton step shared by the polishing refinements. */
final class GaussNewton {
    private GaussNewton() {
    }

    /** delta = -J^T (J J^T + mu I)^-1 r by Gaussian elimination with partial pivoting. */
    static double[] minimumNormStep(double[][] jac, double[] r) {
        int n = jac.length;
        int m = jac[0].length;
        double[][] a = new double[n][n + 1];
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double s = 0;
                for (int q = 0; q < m; q++) {
                    s += jac[i][q] * jac[l][q];
                }
                a[i][l] = s;
            }
            trace += a[i][i];
        }
        double mu = 1e-14 * trace / n;
        for (int i = 0; i < n; i++) {
            a[i][i] += mu;
            a[i][n] = r[i];
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) {
                    piv = i;
                }
            }
            if (a[piv][col] == 0) {
                return null;
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            for (int i = col + 1; i < n; i++) {
                double fct = a[i][col] / a[col][col];
                for (int l = col; l <= n; l++) {
                    a[i][l] -= fct * a[col][l];
                }
            }
        }
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int l = i + 1; l < n; l++) {
                s -= a[i][l] * z[l];
            }
            z[i] = s / a[i][i];
        }
        double[] delta = new double[m];
        for (int q = 0; q < m; q++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += jac[i][q] * z[i];
            }
            delta[q] = -s;
        }
        return delta;
    }
}
