package dev.sparsest.exact;

import dev.sparsest.data.Dataset1D;

/**
 * Computes p* with the chord path (beyond the paper, which leaves it open).
 *
 * <p>The l^p optimum decomposes over curvature runs, so p* is the least p*_run over runs. In a
 * run a_1..a_m the candidates are tilings by singles and adjacent pairs; the sparsest use
 * ceil(m/2) tiles. With F0(p) the least cost of a sparsest tiling and G(p) that of any other,
 * H(p) = G(p) - F0(p) is 1 at p = 0 and 0 at p = 1 (all tilings cost sum |a_i| there), and
 * p*_run is its first zero in (0, 1). Runs of at most 3 points never restrict p*.
 *
 * <p>The first zero is found on a grid refined by bisection to a relative 1e-12; between samples
 * the absence of a zero is proved with convexity: every tiling's cost sum |S|^p is convex in p,
 * which bounds G from below by tangent lines and F0 from above by a chord (see
 * {@link RunSearch#positiveOn}). Zeros above 1 - 1e-9 are reported as none below 1. A run too long
 * for the proof within the work budget falls back to a 1024-point grid and marks the result
 * uncertified.
 */
public final class ThresholdSolver {
    /** Zeros of H above this are taken as "none below 1". */
    public static final double UPPER = 1 - 1e-9;
    private static final double REL_ACCURACY = 1e-12;
    private static final int GRID = 32;
    private static final int FALLBACK_GRID = 1024;
    /** Work budget per run, in tile evaluations (evaluations of H or its bound times run length). */
    private static final long WORK_BUDGET = 40_000_000L;

    private final double tolerance;

    public ThresholdSolver() {
        this(ChordGeometry.DEFAULT_TOLERANCE);
    }

    public ThresholdSolver(double tolerance) {
        this.tolerance = tolerance;
    }

    public Threshold solve(Dataset1D data) {
        data.requireTwoPoints();
        if (data.size() < 6) { // fewer than 4 interior points: no run can restrict p*
            int l0 = data.size() <= 2 ? 0 : new ChordGeometry(data, tolerance).l0LowerBound();
            return new Threshold(Double.NaN, true, Double.NaN, Double.NaN, l0);
        }
        ChordGeometry g = new ChordGeometry(data, tolerance);
        double best = UPPER;
        boolean found = false;
        boolean certified = true;
        int bestFrom = -1;
        int bestTo = -1;
        for (int i = 1; i + 1 < g.n; ) {
            int end = g.runEnd(i);
            if (g.sign[i] != 0 && end - i >= 4) {
                RunSearch search = new RunSearch(g.a, i, end);
                double r = search.firstZeroBelow(best);
                certified &= search.certified;
                if (!Double.isNaN(r) && (r < best || !found)) {
                    best = r;
                    found = true;
                    bestFrom = i;
                    bestTo = end - 1;
                }
            }
            i = end;
        }
        int l0 = g.l0LowerBound();
        return found
                ? new Threshold(best, certified, g.x[bestFrom], g.x[bestTo], l0)
                : new Threshold(Double.NaN, certified, Double.NaN, Double.NaN, l0);
    }

    /** The first zero of H for one run. */
    static final class RunSearch {
        private final double[] single;   // |a_t|
        private final double[] pair;     // |a_t + a_{t+1}|
        private final double[] logSingle;
        private final double[] logPair;
        private final double[] powSingle; // |a_t|^p at the last p evaluated
        private final double[] powPair;
        private final double[] sparsest;  // DP: least cost with no extra tile
        private final double[] other;     // DP: least cost with at least one extra tile
        private final byte[] choice;      // DP: last tile of the best sparsest tiling
        private final int m;
        private long work;
        boolean certified = true;

        RunSearch(double[] a, int from, int to) {
            m = to - from;
            single = new double[m];
            pair = new double[Math.max(m - 1, 0)];
            logSingle = new double[m];
            logPair = new double[pair.length];
            for (int t = 0; t < m; t++) {
                single[t] = Math.abs(a[from + t]);
                logSingle[t] = Math.log(single[t]);
                if (t + 1 < m) {
                    pair[t] = Math.abs(a[from + t] + a[from + t + 1]);
                    logPair[t] = Math.log(pair[t]);
                }
            }
            powSingle = new double[m];
            powPair = new double[pair.length];
            sparsest = new double[m + 1];
            other = new double[m + 1];
            choice = new byte[m + 1];
        }

        /** H(p) = G(p) - F0(p); leaves |S|^p and the best sparsest tiling at p in the buffers. */
        double h(double p) {
            work += m;
            for (int t = 0; t < m; t++) {
                powSingle[t] = Math.pow(single[t], p);
                if (t + 1 < m) {
                    powPair[t] = Math.pow(pair[t], p);
                }
            }
            return dp(0);
        }

        /**
         * The tiling DP over weights w(S) = |S|^p (1 + shift ln |S|) from the buffers: shift = 0
         * gives the costs at p; shift = q - p gives each tiling's tangent line at p, evaluated at q.
         * Returns (least non-sparsest) - (least sparsest).
         */
        private double dp(double shift) {
            sparsest[0] = 0;
            other[0] = Double.POSITIVE_INFINITY;
            for (int t = 1; t <= m; t++) {
                double cs = powSingle[t - 1] * (1 + shift * logSingle[t - 1]);
                // a single after an odd number of covered points adds an extra tile
                boolean extra = ((t - 1) & 1) == 1;
                double s0 = extra ? Double.POSITIVE_INFINITY : sparsest[t - 1] + cs;
                double s1 = extra ? Math.min(sparsest[t - 1], other[t - 1]) + cs : other[t - 1] + cs;
                byte c = 1;
                if (t >= 2) {
                    double cp = powPair[t - 2] * (1 + shift * logPair[t - 2]);
                    if (sparsest[t - 2] + cp < s0) {
                        s0 = sparsest[t - 2] + cp;
                        c = 2;
                    }
                    s1 = Math.min(s1, other[t - 2] + cp);
                }
                sparsest[t] = s0;
                other[t] = s1;
                choice[t] = c;
            }
            return other[m] - sparsest[m];
        }

        /**
         * Proves H &gt; 0 on [p1, p2] given H(p2) = h2 &gt; 0. Each tiling's cost is convex in p, so on
         * [p1, p2] G is above the least tangent line at p2 (a concave function) and F0 is below the
         * chord of the best sparsest tiling T* at p2 (linear). Their difference is concave, so it
         * suffices that it is positive at both ends: at p2 it is h2; at p1 it is checked here.
         * The bound is second-order in p2 - p1, which keeps the proof cheap as H tends to 0 at 1.
         */
        boolean positiveOn(double p1, double p2, double h2) {
            work += 3L * m;
            h(p2);
            double starAtP1 = 0;
            for (int t = m; t > 0; t -= choice[t]) {
                starAtP1 += choice[t] == 1 ? Math.pow(single[t - 1], p1) : Math.pow(pair[t - 2], p1);
            }
            dp(p1 - p2);
            double tangentOther = other[m];
            double margin = 1e-13 * Math.max(starAtP1, Double.MIN_NORMAL);
            return h2 > 0 && tangentOther - starAtP1 > margin;
        }

        /** The first zero of H in (0, limit], or NaN if there is none. */
        double firstZeroBelow(double limit) {
            try {
                double p1 = 0;
                double h1 = h(0);
                for (int k = 1; k <= GRID; k++) {
                    double p2 = limit * k / GRID;
                    double h2 = h(p2);
                    double r = search(p1, h1, p2, h2);
                    if (!Double.isNaN(r)) {
                        return r;
                    }
                    p1 = p2;
                    h1 = h2;
                }
                return Double.NaN;
            } catch (BudgetExceeded e) {
                certified = false;
                return gridSearch(limit);
            }
        }

        private double search(double p1, double h1, double p2, double h2) {
            if (work > WORK_BUDGET) {
                throw new BudgetExceeded();
            }
            boolean narrow = p2 - p1 <= REL_ACCURACY * p2;
            if (h2 <= 0 && narrow) {
                return p2;
            }
            if (narrow) {
                return Double.NaN; // H touches zero without crossing, below resolution
            }
            if (h2 > 0 && positiveOn(p1, p2, h2)) {
                return Double.NaN; // proved: H > 0 on [p1, p2]
            }
            double mid = 0.5 * (p1 + p2);
            double hm = h(mid);
            double r = search(p1, h1, mid, hm);
            return Double.isNaN(r) ? search(mid, hm, p2, h2) : r;
        }

        /** Uncertified: the first grid sample with H <= 0, refined by bisection. */
        private double gridSearch(double limit) {
            double p1 = 0;
            for (int k = 1; k <= FALLBACK_GRID; k++) {
                double p2 = limit * k / FALLBACK_GRID;
                if (h(p2) <= 0) {
                    while (p2 - p1 > REL_ACCURACY * p2) {
                        double mid = 0.5 * (p1 + p2);
                        if (h(mid) <= 0) {
                            p2 = mid;
                        } else {
                            p1 = mid;
                        }
                    }
                    return p2;
                }
                p1 = p2;
            }
            return Double.NaN;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}
