package dev.sparsest.linalg;

/**
 * Solves a symmetric positive definite tridiagonal system in place (Thomas algorithm, no pivoting
 * needed). Internal to the library (the penalized path's hat basis), not part of its API.
 */
public final class Tridiagonal {
    private Tridiagonal() {
    }

    /**
     * Solves A u = b for the m x m matrix with diagonal {@code diag} and off-diagonal {@code off}
     * (off[i] = A[i][i+1]); the two right-hand sides are overwritten by the solutions, diag by the
     * pivots and off by the multipliers.
     */
    public static void solve(int m, double[] diag, double[] off, double[] b1, double[] b2) {
        for (int i = 1; i < m; i++) {
            double l = off[i - 1] / diag[i - 1];
            diag[i] -= l * off[i - 1];
            b1[i] -= l * b1[i - 1];
            b2[i] -= l * b2[i - 1];
        }
        b1[m - 1] /= diag[m - 1];
        b2[m - 1] /= diag[m - 1];
        for (int i = m - 2; i >= 0; i--) {
            b1[i] = (b1[i] - off[i] * b1[i + 1]) / diag[i];
            b2[i] = (b2[i] - off[i] * b2[i + 1]) / diag[i];
        }
    }
}
