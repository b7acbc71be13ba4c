package dev.sparsest.exact.multivariate;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every vertex of {lambda &gt;= 0 : A lambda = y} (A is N x M, rank N), by walking the graph of
 * lexicographically feasible bases: the bases of the perturbed problem y + (eps, eps^2, ...),
 * which is nondegenerate, so its bases are its vertices, its vertex graph is connected and every
 * vertex of the unperturbed problem is the limit of one of them. A first basis comes from a
 * phase-one simplex with the lexicographic ratio test (no cycling). Dense and simple: meant for
 * N up to about 8 and a few hundred columns.
 */
final class VertexEnumeration {
    /** Entries of B^-1 a below this (relative to its largest, after refinement) are not pivots. */
    private static final double PIVOT = 1e-11;
    /** Condition numbers of bases above this are refused (refinement needs cond * 1e-16 well below 1). */
    private static final double MAX_CONDITION = 1e12;
    /** Bases conditioned better than this are solved without refinement (error below 1e-12). */
    private static final double PLAIN_CONDITION = 1e4;
    /** Lexicographic ratios closer than this (relative) are equal. */
    private static final double SAME = 1e-12;

    /** A vertex: the columns with lambda &gt; 0 and their lambda. */
    static final class Vertex {
        final int[] support;
        final double[] lambda;

        Vertex(int[] support, double[] lambda) {
            this.support = support;
            this.lambda = lambda;
        }
    }

    /** A basis too ill-conditioned for doubles: the data are too close to a degenerate configuration. */
    static final class IllConditioned extends ArithmeticException {
        IllConditioned(double condition) {
            super(String.format(java.util.Locale.ROOT, "a vertex of the feasible set has condition number %.1e: two or more candidate"
                    + " neurons have nearly the same outputs (points close to a degenerate position); the exact"
                    + " enumeration in doubles cannot decide it", condition));
        }
    }

    /** More bases than the limit: the instance is too large for enumeration. */
    static final class TooManyBases extends RuntimeException {
        TooManyBases(long limit) {
            super("more than " + limit + " feasible bases");
        }
    }

    private final int n;
    private final int m;
    private final double[][] a; // columns, rows flipped so that y >= 0
    private final double[] y;
    /** The column equal to minus this one (the same neuron with the other output sign), or -1. */
    private final int[] negated;
    /** lambda of column j in the caller's units is lambda here divided by this. */
    private final double[] columnScale;
    private final double[] residual;
    /** Whether the current basis is conditioned badly enough to need refined solves. */
    private boolean refine = true;

    VertexEnumeration(List<double[]> columns, double[] target) {
        this.n = target.length;
        this.m = columns.size();
        if (n > 12 || m >= 1023) {
            throw new IllegalArgumentException("vertex keys hold up to 12 rows and 1022 columns: " + n + " x " + m);
        }
        this.y = new double[n];
        this.a = new double[m][n];
        this.columnScale = new double[m];
        this.residual = new double[n];
        for (int i = 0; i < n; i++) {
            double flip = target[i] < 0 ? -1 : 1;
            y[i] = flip * target[i];
            for (int j = 0; j < m; j++) {
                a[j][i] = flip * columns.get(j)[i];
            }
        }
        // columns scaled to max-abs 1: bases better conditioned, so rounding does not pass for a pivot
        for (int j = 0; j < m; j++) {
            double big = 0;
            for (double v : a[j]) {
                big = Math.max(big, Math.abs(v));
            }
            columnScale[j] = big;
            for (int i = 0; i < n; i++) {
                a[j][i] /= big;
            }
        }
        negated = new int[m];
        for (int j = 0; j < m; j++) {
            negated[j] = -1;
            for (int k = 0; k < m && negated[j] < 0; k++) {
                boolean opposite = true;
                for (int i = 0; i < n && opposite; i++) {
                    opposite = a[k][i] == -a[j][i];
                }
                negated[j] = opposite ? k : -1;
            }
        }
    }

    /** Calls the visitor once per vertex, visiting at most {@code limit} feasible bases. */
    void walk(long limit, Consumer<Vertex> visitor) {
        int[] start = phaseOne();
        Arrays.sort(start);
        Set<Key> visitedBases = new HashSet<>();
        Set<Key> seenSupports = new HashSet<>();
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(start);
        visitedBases.add(Key.of(start, start.length));
        double[][] inv = new double[n][n];
        double[] x = new double[n];
        double[] dir = new double[n];
        int[] next = new int[n];
        while (!todo.isEmpty()) {
            int[] basis = todo.pop();
            invert(basis, inv);
            refine = condition(inv) > PLAIN_CONDITION;
            refinedSolve(basis, inv, y, x);
            visit(basis, x, seenSupports, visitor);
            for (int e = 0; e < m; e++) {
                // entering minus a basic column only grows that column: an unbounded edge, and
                // rounding could make it look like a pivot onto a singular basis
                if (Arrays.binarySearch(basis, e) >= 0 || negated[e] >= 0 && Arrays.binarySearch(basis, negated[e]) >= 0) {
                    continue;
                }
                refinedSolve(basis, inv, a[e], dir);
                int leave = lexMinRatio(x, inv, dir);
                if (leave < 0) {
                    continue; // an unbounded edge, not a neighbour
                }
                System.arraycopy(basis, 0, next, 0, n);
                next[leave] = e;
                Arrays.sort(next);
                if (visitedBases.add(Key.of(next, n))) {
                    if (visitedBases.size() > limit) {
                        throw new TooManyBases(limit);
                    }
                    todo.push(next.clone());
                }
            }
        }
    }

    /** A sorted set of up to 12 column indices below 1024, packed into two longs. */
    private record Key(long low, long high) {
        static Key of(int[] sorted, int count) {
            long low = 0;
            long high = 0;
            for (int i = 0; i < count; i++) {
                long v = sorted[i] + 1; // 0 marks "no index"
                if (i < 6) {
                    low |= v << (10 * i);
                } else {
                    high |= v << (10 * (i - 6));
                }
            }
            return new Key(low, high);
        }
    }

    private void visit(int[] basis, double[] x, Set<Key> seen, Consumer<Vertex> visitor) {
        double big = 0;
        for (double v : x) {
            big = Math.max(big, Math.abs(v));
        }
        int count = 0;
        for (double v : x) {
            count += v > 1e-12 * big ? 1 : 0;
        }
        int[] support = new int[count];
        double[] lambda = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] > 1e-12 * big) {
                support[k] = basis[i];
                lambda[k++] = x[i] / columnScale[basis[i]];
            }
        }
        if (seen.add(Key.of(support, count))) {
            visitor.accept(new Vertex(support, lambda));
        }
    }

    /**
     * The leaving row of the lexicographic ratio test: among rows with a positive pivot, the one
     * whose row of [x | B^-1] divided by the pivot is lexicographically smallest; -1 when none.
     * dir is accurate to rounding of its largest entry ({@link #refinedSolve}), so entries below
     * PIVOT of it are zeros: a column equal or opposite to a basic one, or in the span of a few
     * basic ones, has exact zeros that must not be pivots (that basis would be singular).
     */
    private int lexMinRatio(double[] x, double[][] inv, double[] dir) {
        double big = 0;
        for (double v : dir) {
            big = Math.max(big, Math.abs(v));
        }
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (!(dir[i] > PIVOT * big)) {
                continue;
            }
            if (best < 0 || lexLess(i, best, x, inv, dir)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * out = B^-1 rhs, then two steps of iterative refinement with residuals summed without
     * rounding (fma and compensated sums): bases can be ill-conditioned (two candidate neurons
     * with nearly opposite outputs; condition 1e13 seen) and the plain product then turns exact
     * zeros into 1e-9 noise that passes for a pivot. Refinement converges while cond &lt; 1e16;
     * below PLAIN_CONDITION the plain product is already good to 1e-12 and is kept.
     */
    private void refinedSolve(int[] basis, double[][] inv, double[] rhs, double[] out) {
        multiply(inv, rhs, out);
        for (int step = 0; step < (refine ? 2 : 0); step++) {
            for (int i = 0; i < n; i++) {
                // residual_i = rhs_i - sum_k B_ik out_k, accumulated as an unevaluated sum (s, c)
                double s = rhs[i];
                double c = 0;
                for (int k = 0; k < n; k++) {
                    double bik = basisEntry(basis[k], i);
                    double p = -bik * out[k];
                    double perr = Math.fma(-bik, out[k], -p);
                    double t = s + p;
                    double z = t - s;
                    c += (s - (t - z)) + (p - z) + perr;
                    s = t;
                }
                residual[i] = s + c;
            }
            for (int i = 0; i < n; i++) {
                out[i] += dot(inv[i], residual);
            }
        }
    }

    /**
     * The condition number of the basis, bounded by N ||B^-1||_inf (columns have max-abs 1). Beyond
     * MAX_CONDITION the refined solves no longer decide signs reliably and the walk could leave
     * the feasible set unnoticed: refused, not guessed.
     */
    private double condition(double[][] inv) {
        double norm = 0;
        for (double[] row : inv) {
            double s = 0;
            for (double v : row) {
                s += Math.abs(v);
            }
            norm = Math.max(norm, s);
        }
        double condition = norm * n;
        if (!(condition <= MAX_CONDITION)) {
            throw new IllConditioned(condition);
        }
        return condition;
    }

    /** Row i of column j of [A | I]: artificial columns (j &gt;= m) are unit vectors. */
    private double basisEntry(int j, int i) {
        return j < m ? a[j][i] : (j - m == i ? 1 : 0);
    }

    private boolean lexLess(int i, int j, double[] x, double[][] inv, double[] dir) {
        for (int c = -1; c < n; c++) {
            double u = (c < 0 ? x[i] : inv[i][c]) / dir[i];
            double v = (c < 0 ? x[j] : inv[j][c]) / dir[j];
            if (Math.abs(u - v) > SAME * Math.max(1, Math.max(Math.abs(u), Math.abs(v)))) {
                return u < v;
            }
        }
        return false;
    }

    /**
     * A lexicographically feasible basis of columns (no artificials), by the phase-one simplex
     * on [A | I] from the artificial basis, entering by most negative reduced cost.
     */
    private int[] phaseOne() {
        int[] basis = new int[n];
        double[][] inv = new double[n][n];
        double[] x = y.clone();
        for (int i = 0; i < n; i++) {
            basis[i] = m + i;
            inv[i][i] = 1;
        }
        double[] dual = new double[n];
        double[] dir = new double[n];
        for (int iteration = 0; iteration < 100 * (m + n); iteration++) {
            // dual = c_B^T B^-1 with c = 1 on artificials
            Arrays.fill(dual, 0);
            for (int i = 0; i < n; i++) {
                if (basis[i] >= m) {
                    for (int c = 0; c < n; c++) {
                        dual[c] += inv[i][c];
                    }
                }
            }
            int enter = -1;
            double most = -1e-10;
            for (int e = 0; e < m; e++) {
                double reduced = -dot(dual, a[e]);
                double scale = 0;
                for (double v : a[e]) {
                    scale = Math.max(scale, Math.abs(v));
                }
                if (reduced < most * Math.max(1, scale)) {
                    most = reduced / Math.max(1, scale);
                    enter = e;
                }
            }
            if (enter < 0) {
                break;
            }
            refinedSolve(basis, inv, a[enter], dir);
            int leave = lexMinRatio(x, inv, dir);
            if (leave < 0) {
                throw new ArithmeticException("phase one unbounded: cannot happen for a cost bounded below");
            }
            pivot(inv, x, dir, leave);
            basis[leave] = enter;
        }
        for (int b : basis) {
            if (b >= m) {
                throw new ArithmeticException("no feasible basis found: the candidate neurons do not span the targets");
            }
        }
        return basis;
    }

    private void pivot(double[][] inv, double[] x, double[] dir, int r) {
        double p = dir[r];
        for (int c = 0; c < n; c++) {
            inv[r][c] /= p;
        }
        x[r] /= p;
        for (int i = 0; i < n; i++) {
            if (i != r && dir[i] != 0) {
                double f = dir[i];
                for (int c = 0; c < n; c++) {
                    inv[i][c] -= f * inv[r][c];
                }
                x[i] -= f * x[r];
            }
        }
    }

    /** B^-1 for the basis columns, by Gauss-Jordan with partial pivoting. */
    private void invert(int[] basis, double[][] inv) {
        double[][] b = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                b[i][k] = a[basis[k]][i];
            }
            b[i][n + i] = 1;
        }
        for (int p = 0; p < n; p++) {
            int best = p;
            for (int i = p + 1; i < n; i++) {
                if (Math.abs(b[i][p]) > Math.abs(b[best][p])) {
                    best = i;
                }
            }
            double[] t = b[p];
            b[p] = b[best];
            b[best] = t;
            double piv = b[p][p];
            if (piv == 0) {
                throw new ArithmeticException("a basis of the vertex walk is singular in doubles: the data are too degenerate for exact enumeration");
            }
            for (int c = 0; c < 2 * n; c++) {
                b[p][c] /= piv;
            }
            for (int i = 0; i < n; i++) {
                if (i != p && b[i][p] != 0) {
                    double f = b[i][p];
                    for (int c = 0; c < 2 * n; c++) {
                        b[i][c] -= f * b[p][c];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(b[i], n, inv[i], 0, n);
        }
    }

    private void multiply(double[][] inv, double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = dot(inv[i], v);
        }
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
