package dev.sparsest.linalg;

/**
 * A null vector of a small dense matrix, by Gaussian elimination with full pivoting: the
 * candidate neurons' lines (d hyperplanes in R^(d+1)) and the trainer's neuron reduction
 * (dependent output vectors) both need one. Internal to the library, not part of its API.
 */
public final class NullSpace {
    private NullSpace() {
    }

    /**
     * A nonzero c with a c = 0 over the first {@code cols} columns, or null when the columns
     * are independent (every pivot above {@code rankTolerance} times the largest entry). The
     * rows of {@code a} are not changed.
     */
    public static double[] vector(double[][] a, int cols, double rankTolerance) {
        return solve(a, cols, rankTolerance, false);
    }

    /** The direction of a one-dimensional null space, or null when the null space is not a line. */
    public static double[] line(double[][] a, int cols, double rankTolerance) {
        return solve(a, cols, rankTolerance, true);
    }

    private static double[] solve(double[][] rows, int cols, double rankTolerance, boolean lineOnly) {
        int n = rows.length;
        double[][] a = new double[n][];
        double big = 0;
        for (int i = 0; i < n; i++) {
            a[i] = rows[i].clone();
            for (int j = 0; j < cols; j++) {
                big = Math.max(big, Math.abs(a[i][j]));
            }
        }
        int[] col = new int[cols];
        for (int j = 0; j < cols; j++) {
            col[j] = j;
        }
        int rank = 0;
        for (; rank < Math.min(n, cols); rank++) {
            int bi = rank;
            int bc = rank;
            for (int i = rank; i < n; i++) {
                for (int j = rank; j < cols; j++) {
                    if (Math.abs(a[i][col[j]]) > Math.abs(a[bi][col[bc]])) {
                        bi = i;
                        bc = j;
                    }
                }
            }
            if (!(Math.abs(a[bi][col[bc]]) > rankTolerance * big)) {
                break;
            }
            double[] t = a[rank];
            a[rank] = a[bi];
            a[bi] = t;
            int tc = col[rank];
            col[rank] = col[bc];
            col[bc] = tc;
            for (int i = 0; i < n; i++) {
                if (i != rank) {
                    double f = a[i][col[rank]] / a[rank][col[rank]];
                    for (int j = rank; j < cols; j++) {
                        a[i][col[j]] -= f * a[rank][col[j]];
                    }
                }
            }
        }
        if (rank == cols || lineOnly && rank != cols - 1) {
            return null;
        }
        // reduced form: the pivot columns solve for the first free column set to 1 (others 0)
        double[] c = new double[cols];
        c[col[rank]] = 1;
        for (int r = 0; r < rank; r++) {
            c[col[r]] = -a[r][col[rank]] / a[r][col[r]];
        }
        return c;
    }
}
