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
        HouseholderQr qr = new HouseholderQr(a, 1e-12);
        double[] b = y.clone();
        qr.applyTransposed(b);
        double[] c = new double[n];
        for (int j = n - 1; j >= 0; j--) {
            if (qr.dependent(j)) {
                continue;
            }
            double s = b[j];
            for (int col = j + 1; col < n; col++) {
                s -= qr.r(j, col) * c[col];
            }
            c[j] = s / qr.r(j, j);
        }
        return c;
    }
}
