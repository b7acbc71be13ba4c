package dev.sparsest.linalg;

/**
 * Every solution of a small dense system A x = b, as x0 + Z theta: Gauss-Jordan elimination with
 * full pivoting, a pivot counted only above {@code rankTolerance} times the largest entry of A,
 * and the system called inconsistent when a leftover equation misses b by more than
 * {@code residualTolerance} times max |b| (or 1 when b is 0). Internal to the library, not part of
 * its API.
 */
public final class AffineSolutions {
    private final double[] particular;
    private final double[][] nullBasis;

    private AffineSolutions(double[] particular, double[][] nullBasis) {
        this.particular = particular;
        this.nullBasis = nullBasis;
    }

    /**
     * The solutions of a x = b over the first {@code cols} columns of {@code a} (rows not changed),
     * or null when there are none.
     */
    public static AffineSolutions of(double[][] a, int cols, double[] b, double rankTolerance, double residualTolerance) {
        int n = a.length;
        double[][] t = new double[n][cols + 1];
        double big = 0;
        double bigB = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, t[i], 0, cols);
            t[i][cols] = b[i];
            for (int j = 0; j < cols; j++) {
                big = Math.max(big, Math.abs(a[i][j]));
            }
            bigB = Math.max(bigB, Math.abs(b[i]));
        }
        int[] col = new int[cols];
        for (int j = 0; j < cols; j++) {
            col[j] = j;
        }
        int rank = 0;
        while (rank < Math.min(n, cols)) {
            int pi = -1;
            int pj = -1;
            double best = rankTolerance * big;
            for (int i = rank; i < n; i++) {
                for (int j = rank; j < cols; j++) {
                    double v = Math.abs(t[i][col[j]]);
                    if (v > best) {
                        best = v;
                        pi = i;
                        pj = j;
                    }
                }
            }
            if (pi < 0) {
                break;
            }
            double[] swap = t[rank];
            t[rank] = t[pi];
            t[pi] = swap;
            int s = col[rank];
            col[rank] = col[pj];
            col[pj] = s;
            int c = col[rank];
            double pivot = t[rank][c];
            for (int j = 0; j <= cols; j++) {
                t[rank][j] /= pivot;
            }
            for (int i = 0; i < n; i++) {
                double f = t[i][c];
                if (i != rank && f != 0) {
                    for (int j = 0; j <= cols; j++) {
                        t[i][j] -= f * t[rank][j];
                    }
                }
            }
            rank++;
        }
        double allowed = residualTolerance * (bigB > 0 ? bigB : 1);
        for (int i = rank; i < n; i++) {
            if (Math.abs(t[i][cols]) > allowed) {
                return null;
            }
        }
        double[] x0 = new double[cols];
        for (int r = 0; r < rank; r++) {
            x0[col[r]] = t[r][cols];
        }
        double[][] z = new double[cols - rank][cols];
        for (int f = rank; f < cols; f++) { // one null vector per free column: 1 there, pivots solved
            double[] v = z[f - rank];
            v[col[f]] = 1;
            for (int r = 0; r < rank; r++) {
                v[col[r]] = -t[r][col[f]];
            }
        }
        return new AffineSolutions(x0, z);
    }

    /** One solution (free variables at 0). */
    public double[] particular() {
        return particular.clone();
    }

    /** A basis of the null space of A, one vector per row (none when A has full column rank). */
    public double[][] nullBasis() {
        double[][] copy = new double[nullBasis.length][];
        for (int k = 0; k < copy.length; k++) {
            copy[k] = nullBasis[k].clone();
        }
        return copy;
    }

    /** The dimension of the solution set. */
    public int freedom() {
        return nullBasis.length;
    }
}
