package dev.sparsest.exact.multivariate;

/**
 * The span of the shapes chosen so far along the search's depth-first walk, as an orthonormal
 * basis grown by Gram-Schmidt (twice, for orthogonality to working precision), with y's residual
 * against it: pushing a shape costs O(N x basis size x its cost), popping is free, nothing is
 * allocated. A shape set whose span leaves y's residual above {@link #PREFILTER} of |y| cannot
 * interpolate and is dropped before the exact check ({@link ShapeFeasibility}, whose own
 * tolerance is a thousand times tighter, so the filter never drops a set it would accept).
 */
final class SpanTracker {
    /** A column whose remainder is below this fraction of its norm adds nothing to the span. */
    static final double DEPENDENT = 1e-10;
    /** Residuals above this fraction of |y| (2-norms) rule a set out. */
    static final double PREFILTER = 1e-6;

    private final int n;
    private final double[] basis;
    private int size;
    private final int[] sizeAt;
    private final double[] residual;
    private int depth;
    private final double[] column;
    private final double yNorm;
    private final double[] leafResidual;
    private final double[][] leafBasis;

    /**
     * @param free columns always in the span (the affine model's X), or none
     * @param maxDepth the most shapes pushed at once
     */
    SpanTracker(double[] y, double[][] free, int maxDepth) {
        this.n = y.length;
        this.basis = new double[n * n];
        this.sizeAt = new int[maxDepth + 1];
        this.residual = new double[(maxDepth + 1) * n];
        this.column = new double[n];
        this.leafResidual = new double[n];
        this.leafBasis = new double[AtomCatalog.MAX_COORDINATES][n];
        System.arraycopy(y, 0, residual, 0, n);
        double s = 0;
        for (double v : y) {
            s += v * v;
        }
        this.yNorm = Math.sqrt(s);
        for (double[] f : free) {
            System.arraycopy(f, 0, column, 0, n);
            add(0);
        }
    }

    /** Adds the shape's columns (x_c on its active rows, c in its support); pop() undoes it. */
    void push(Atom a, double[][] rows) {
        sizeAt[depth] = size;
        int base = depth * n;
        depth++;
        System.arraycopy(residual, base, residual, depth * n, n);
        int m = rows[0].length;
        for (int c = 0; c < m; c++) {
            if ((a.support >>> c & 1) == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                column[i] = a.active(i) ? rows[i][c] : 0;
            }
            add(depth * n);
        }
    }

    void pop() {
        depth--;
        size = sizeAt[depth];
    }

    /**
     * Whether y is (up to the prefilter) in the span of what is pushed plus the shape's columns,
     * without pushing it: the last shape of a set is only checked, so its directions are not kept
     * (one Gram-Schmidt pass, enough for a filter a thousand times looser than the exact check).
     */
    boolean mayContainYWith(Atom a, double[][] rows) {
        int at = depth * n;
        double r2 = 0;
        for (int i = 0; i < n; i++) {
            leafResidual[i] = residual[at + i];
            r2 += leafResidual[i] * leafResidual[i];
        }
        double allowed = PREFILTER * PREFILTER * yNorm * yNorm;
        int m = rows[0].length;
        int added = 0;
        for (int c = 0; c < m && r2 > allowed; c++) {
            if ((a.support >>> c & 1) == 0) {
                continue;
            }
            double[] g = leafBasis[added];
            double norm0 = 0;
            for (int i = 0; i < n; i++) {
                g[i] = a.active(i) ? rows[i][c] : 0;
                norm0 += g[i] * g[i];
            }
            if (norm0 == 0) {
                continue;
            }
            for (int k = 0; k < size + added; k++) {
                double[] q = k < size ? null : leafBasis[k - size];
                int qAt = k * n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += (q == null ? basis[qAt + i] : q[i]) * g[i];
                }
                for (int i = 0; i < n; i++) {
                    g[i] -= dot * (q == null ? basis[qAt + i] : q[i]);
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += g[i] * g[i];
            }
            if (norm <= DEPENDENT * DEPENDENT * norm0) {
                continue;
            }
            norm = Math.sqrt(norm);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                g[i] /= norm;
                dot += g[i] * leafResidual[i];
            }
            for (int i = 0; i < n; i++) {
                leafResidual[i] -= dot * g[i];
            }
            r2 -= dot * dot;
            added++;
        }
        return r2 <= allowed;
    }

    /** Orthogonalizes {@link #column} against the basis and, when independent, adds it and updates the residual at {@code at}. */
    private void add(int at) {
        if (size == n) {
            return; // the span is everything already
        }
        double norm0 = 0;
        for (int i = 0; i < n; i++) {
            norm0 += column[i] * column[i];
        }
        norm0 = Math.sqrt(norm0);
        if (norm0 == 0) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < size; k++) {
                int q = k * n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += basis[q + i] * column[i];
                }
                for (int i = 0; i < n; i++) {
                    column[i] -= dot * basis[q + i];
                }
            }
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm += column[i] * column[i];
        }
        norm = Math.sqrt(norm);
        if (norm <= DEPENDENT * norm0) {
            return;
        }
        int q = size * n;
        double dot = 0;
        for (int i = 0; i < n; i++) {
            basis[q + i] = column[i] / norm;
            dot += basis[q + i] * residual[at + i];
        }
        for (int i = 0; i < n; i++) {
            residual[at + i] -= dot * basis[q + i];
        }
        size++;
    }
}
