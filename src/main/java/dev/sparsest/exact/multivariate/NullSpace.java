package dev.sparsest.exact.multivariate;

/** The one-dimensional null space of a (m - 1) x m matrix, by Gaussian elimination with full pivoting. */
final class NullSpace {
    /** Pivots below this (relative to the largest entry) mean rank deficiency. */
    private static final double RANK_TOLERANCE = 1e-10;

    private NullSpace() {
    }

    /** A nonzero r with a r = 0, or null when the rows are dependent (the null space is not a line). */
    static double[] line(double[][] rows, int m) {
        int k = rows.length;
        double[][] a = new double[k][];
        double biggest = 0;
        for (int i = 0; i < k; i++) {
            a[i] = rows[i].clone();
            for (double v : a[i]) {
                biggest = Math.max(biggest, Math.abs(v));
            }
        }
        int[] col = new int[m];
        for (int c = 0; c < m; c++) {
            col[c] = c;
        }
        for (int p = 0; p < k; p++) {
            int bi = p;
            int bc = p;
            for (int i = p; i < k; i++) {
                for (int c = p; c < m; c++) {
                    if (Math.abs(a[i][col[c]]) > Math.abs(a[bi][col[bc]])) {
                        bi = i;
                        bc = c;
                    }
                }
            }
            if (!(Math.abs(a[bi][col[bc]]) > RANK_TOLERANCE * biggest)) {
                return null;
            }
            double[] t = a[p];
            a[p] = a[bi];
            a[bi] = t;
            int tc = col[p];
            col[p] = col[bc];
            col[bc] = tc;
            for (int i = 0; i < k; i++) {
                if (i != p) {
                    double f = a[i][col[p]] / a[p][col[p]];
                    for (int c = p; c < m; c++) {
                        a[i][col[c]] -= f * a[p][col[c]];
                    }
                }
            }
        }
        // reduced form: a[p][col[p]] x_col[p] + a[p][col[k]] x_col[k] = 0 for p < k; free variable x_col[k] = 1
        double[] r = new double[m];
        r[col[k]] = 1;
        for (int p = 0; p < k; p++) {
            r[col[p]] = -a[p][col[k]] / a[p][col[p]];
        }
        return r;
    }
}
