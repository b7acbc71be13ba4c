package dev.sparsest.linalg;

/**
 * Least squares of b on fixed columns A, and the residual it would have with one more column c,
 * for screening many candidate columns: one Householder factorization of A (O(m n^2)), then
 * O(m n) per candidate (Q^T c, whose part beyond A's columns is c's component orthogonal to
 * them). A screen, not a solve: candidates are then refitted exactly. Internal to the library
 * (the knot exchange of the least-squares knot fit), not part of its API. Not thread-safe.
 */
public final class ColumnScreen {
    private final HouseholderQr qr;
    private final int n;
    private final double[] qtb;
    private final double residual;

    private ColumnScreen(HouseholderQr qr, int n, double[] qtb, double residual) {
        this.qr = qr;
        this.n = n;
        this.qtb = qtb;
        this.residual = residual;
    }

    /** A (m rows x n columns, m &gt; n) and b (length m); neither is changed. */
    public static ColumnScreen of(double[][] a, double[] b) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        if (m <= n) {
            throw new IllegalArgumentException("screening a column needs more rows than fixed columns: " + m + " <= " + n);
        }
        HouseholderQr qr = new HouseholderQr(a, 1e-12);
        double[] qtb = b.clone();
        qr.applyTransposed(qtb);
        double residual = 0;
        for (int i = n; i < m; i++) {
            residual += qtb[i] * qtb[i];
        }
        return new ColumnScreen(qr, n, qtb, residual);
    }

    /** The residual sum of squares of b on A alone. */
    public double residual() {
        return residual;
    }

    /**
     * The residual sum of squares of b on A and c: |r|^2 - (c_perp . r)^2 / |c_perp|^2, with
     * c_perp the part of c orthogonal to A's columns; the residual on A alone when c lies in
     * their span (to 1e-24 of its own size). {@code c} is overwritten by Q^T c.
     */
    public double residualWith(double[] c) {
        double cc = 0;
        for (double v : c) {
            cc += v * v;
        }
        qr.applyTransposed(c);
        double dot = 0;
        double perp = 0;
        for (int i = n; i < c.length; i++) {
            dot += c[i] * qtb[i];
            perp += c[i] * c[i];
        }
        if (!(perp > 1e-24 * cc)) {
            return residual;
        }
        return Math.max(0, residual - dot * dot / perp);
    }
}
