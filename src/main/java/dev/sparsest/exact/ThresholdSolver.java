package dev.sparsest.exact;

import dev.sparsest.data.UnivariateDataset;

/**
 * Computes p* with the chord path (beyond the paper, which leaves it open).
 *
 * <p>The l^p optimum decomposes over curvature runs, so p* is the least p*_run over runs. In a
 * run a_1..a_m the candidates are tilings by singles and adjacent pairs; the sparsest use
 * ceil(m/2) tiles. With F0(p) the least cost of a sparsest tiling and G(p) that of any other,
 * H(p) = G(p) - F0(p) is 1 at p = 0 and 0 at p = 1 (all tilings cost sum |a_i| there), and
 * p*_run is its first zero in (0, 1). Runs of at most 3 points never restrict p*.
 *
 * <p><b>Deciding in double precision.</b> Near p = 1 the tilings' costs agree to many digits, so
 * they are compared in reduced form: a tile S costs |S| + w_S(p) with w_S(p) = |S| expm1((p - 1)
 * ln|S|), the |S| parts sum to sum |a_i| for every tiling and cancel exactly, and w is computed to
 * a few ulps of itself, which vanishes at p = 1 as H does. Every evaluation of H carries a bound
 * E(p) on its rounding error (the curvatures' own rounding included; they are computed in
 * double-double by {@link ChordGeometry}). The search looks for the first p where H &gt; E
 * fails, proving H &gt; E on the way (a grid refined by bisection to a relative 1e-12; between
 * samples convexity: every tiling's cost is convex in p, which bounds G from below by tangent
 * lines and F0 from above by a chord, see {@link RunSearch#positiveOn}); then a crossing counts as
 * decided only where H &lt; -E follows within a millionth of p. Otherwise the result says
 * undecided, with the interval. Zeros above 1 - 1e-9 are reported as none below 1. A run too long
 * for the proof within the work budget falls back to a 1024-point grid and marks the result
 * uncertified.
 */
public final class ThresholdSolver {
    /** Zeros of H above this are taken as "none below 1". */
    public static final double UPPER = 1 - 1e-9;
    private static final double REL_ACCURACY = 1e-12;
    /** A crossing bracketed more widely than this fraction of p is reported undecided. */
    private static final double DECIDED_WIDTH = 1e-6;
    private static final int GRID = 32;
    private static final int FALLBACK_GRID = 1024;
    /** Work budget per run, in tile evaluations (evaluations of H or its bound times run length). */
    static final long WORK_BUDGET = 40_000_000L;
    private static final double U = 0x1p-53;
    private static final double LN2 = Math.log(2);

    private final double tolerance;
    private final long workBudget;

    public ThresholdSolver() {
        this(ChordGeometry.DEFAULT_TOLERANCE);
    }

    public ThresholdSolver(double tolerance) {
        this(tolerance, WORK_BUDGET);
    }

    /** With another work budget per run (tests: the fallback without waiting for it). */
    ThresholdSolver(double tolerance, long workBudget) {
        this.tolerance = tolerance;
        this.workBudget = workBudget;
    }

    /** p* of the data. Allocates its workspace per call ({@link ThresholdFitter} reuses one). */
    public Threshold solve(UnivariateDataset data) {
        data.requireTwoPoints();
        ChordGeometry g = new ChordGeometry(data, tolerance); // the fit's validation and collinearity
        return solve(g, new RunBuffers());
    }

    /** p* of the data loaded in {@code g}, the run searches on {@code buffers}. */
    Threshold solve(ChordGeometry g, RunBuffers buffers) {
        int l0 = g.l0LowerBound();
        Crossing best = null;
        boolean certified = true;
        for (int i = 1; i + 1 < g.n; ) {
            int end = g.runEnd(i);
            double limit = best == null ? UPPER : best.decided ? best.upper : best.lower;
            if (g.sign[i] != 0 && end - i >= 4 && limit > 0) { // runs of at most 3 points never restrict p*
                RunSearch search = new RunSearch(g.a, i, end, workBudget, buffers);
                Crossing c = search.firstCrossing(limit);
                certified &= search.certified;
                if (c != null) {
                    c = c.inRun(g.x[i], g.x[end - 1]);
                    best = best == null ? c : Crossing.first(best, c);
                }
            }
            i = end;
        }
        if (best == null) {
            return Threshold.none(certified, l0);
        }
        return new Threshold(best.decided ? Threshold.Status.DECIDED : Threshold.Status.UNDECIDED,
                best.decided ? best.estimate : Double.NaN, best.lower, best.upper, certified, best.xFrom, best.xTo, l0);
    }

    /** Where a run's first crossing lies: [lower, upper], decided or not. */
    record Crossing(double lower, double upper, double estimate, boolean decided, double xFrom, double xTo) {
        Crossing inRun(double from, double to) {
            return new Crossing(lower, upper, estimate, decided, from, to);
        }

        /**
         * The first crossing of two runs together: it lies after both lower ends' minimum, and
         * before any decided upper end. Two decided ones stay decided while they bracket it
         * narrowly (equal runs give equal brackets); overlapping with an undecided one it is not.
         * Relies on {@link #solve} searching each later run only below the best so far (its
         * decided upper end, or its lower end when undecided), so a crossing entirely after
         * another can be dropped.
         */
        static Crossing first(Crossing a, Crossing b) {
            double lower = Math.min(a.lower, b.lower);
            Crossing early = a.lower <= b.lower ? a : b;
            if (a.decided && b.decided) {
                double upper = Math.min(a.upper, b.upper);
                boolean narrow = upper - lower <= DECIDED_WIDTH * upper;
                double estimate = Math.max(lower, Math.min(upper, Math.min(a.estimate, b.estimate)));
                return new Crossing(lower, upper, narrow ? estimate : Double.NaN, narrow, early.xFrom, early.xTo);
            }
            if (b.upper < a.lower) {
                return b;
            }
            if (a.upper < b.lower) {
                return a;
            }
            double upper = a.decided ? a.upper : b.decided ? b.upper : Math.max(a.upper, b.upper);
            return new Crossing(lower, upper, Double.NaN, false, early.xFrom, early.xTo);
        }
    }

    /**
     * The buffers of the runs' searches, shared by the runs of one solve (one run at a time) and
     * grown to the longest: a solve allocates O(longest run), not O(N), for them.
     */
    static final class RunBuffers {
        double[] single = new double[0];   // entries [0, m) of a run of m points
        double[] pair = new double[0];     // [0, m - 1)
        double[] logSingle = new double[0];
        double[] logPair = new double[0];
        double[] kappaSingle = new double[0];
        double[] kappaPair = new double[0];
        double[] weightSingle = new double[0];
        double[] weightPair = new double[0];
        double[] slopeSingle = new double[0];
        double[] slopePair = new double[0];
        double[] sparsest = new double[0]; // [0, m]
        double[] other = new double[0];
        byte[] choice = new byte[0];

        void reserve(int m) {
            if (sparsest.length >= m + 1) {
                return;
            }
            int n = Math.max(m + 1, sparsest.length + (sparsest.length >> 1));
            single = new double[n];
            pair = new double[n];
            logSingle = new double[n];
            logPair = new double[n];
            kappaSingle = new double[n];
            kappaPair = new double[n];
            weightSingle = new double[n];
            weightPair = new double[n];
            slopeSingle = new double[n];
            slopePair = new double[n];
            sparsest = new double[n];
            other = new double[n];
            choice = new byte[n];
        }
    }

    /** The first zero of H for one run. Not thread-safe: one per run, on the solve's buffers. */
    static final class RunSearch {
        private final double[] single;   // |a_t|
        private final double[] pair;     // |a_t + a_{t+1}|
        private final double[] logSingle;
        private final double[] logPair;
        private final double[] kappaSingle; // how many ulps |S| (or its logarithm) may be off
        private final double[] kappaPair;
        private final double[] weightSingle; // reduced weights w at the last p evaluated
        private final double[] weightPair;
        private final double[] slopeSingle;  // dw/dp = |S|^p ln|S| at the last p
        private final double[] slopePair;
        private final double[] sparsest;  // DP: least cost with no extra tile
        private final double[] other;     // DP: least cost with at least one extra tile
        private final byte[] choice;      // DP: last tile of the best sparsest tiling
        private final int m;
        private final long budget;
        private long work;
        /** The rounding bound E of the last {@link #h}, and the sum of |w| it saw. */
        private double lastError;
        private double weightSum;
        private double lowEnd; // where the margin H - E was last seen positive before a found zero
        boolean certified = true;

        RunSearch(double[] a, int from, int to, long budget, RunBuffers buffers) {
            this.budget = budget;
            m = to - from;
            buffers.reserve(m);
            single = buffers.single;
            pair = buffers.pair;
            logSingle = buffers.logSingle;
            logPair = buffers.logPair;
            kappaSingle = buffers.kappaSingle;
            kappaPair = buffers.kappaPair;
            weightSingle = buffers.weightSingle;
            weightPair = buffers.weightPair;
            slopeSingle = buffers.slopeSingle;
            slopePair = buffers.slopePair;
            sparsest = buffers.sparsest;
            other = buffers.other;
            choice = buffers.choice;
            // scaling every tile by c multiplies every tiling's cost by c^p: H keeps its sign and
            // zeros. A power of two that brings the largest curvature into [1, 2) keeps them exact
            // and keeps w = |S|^p - |S| of the size of H (at p = 0 it is 1 - |S|, and H = 1 would
            // drown in the rounding of 1 - 1e218)
            double largest = 0;
            for (int t = from; t < to; t++) {
                largest = Math.max(largest, Math.abs(a[t]));
            }
            int shift = -Math.getExponent(largest);
            for (int t = 0; t < m; t++) {
                double scaled = Math.scalb(a[from + t], shift);
                single[t] = Math.abs(scaled);
                logSingle[t] = logOf(single[t], Math.abs(a[from + t]), shift);
                kappaSingle[t] = kappa(2, single[t], logSingle[t], shift);
                if (t + 1 < m) {
                    double next = Math.scalb(a[from + t + 1], shift);
                    pair[t] = Math.abs(scaled + next);
                    logPair[t] = logOf(pair[t], Math.abs(a[from + t] + a[from + t + 1]), shift);
                    kappaPair[t] = kappa(3, pair[t], logPair[t], shift);
                }
            }
        }

        /**
         * ln of a scaled tile; for one that the scaling took below the normal range (curvatures
         * spanning more than 2^1022 in one run) from the unscaled size, so it stays finite.
         */
        private static double logOf(double scaled, double unscaled, int shift) {
            return scaled >= Double.MIN_NORMAL ? Math.log(scaled) : Math.log(unscaled) + shift * LN2;
        }

        /** Ulps of error in a tile's size: its own, or for a log taken unscaled, that log's rounding. */
        private static double kappa(double own, double scaled, double log, int shift) {
            return scaled >= Double.MIN_NORMAL ? own : own + 2 * (Math.abs(log) + 2 * Math.abs(shift) * LN2);
        }

        /**
         * H(p) = G(p) - F0(p) in reduced weights; leaves w, dw/dp and the best sparsest tiling at p
         * in the buffers and the rounding bound E(p) in {@link #lastError}.
         */
        double h(double p) {
            work += m;
            weightSum = 0;
            double error = 0;
            for (int t = 0; t < m; t++) {
                error += weigh(single[t], logSingle[t], p, kappaSingle[t], weightSingle, slopeSingle, t);
                if (t + 1 < m) {
                    error += weigh(pair[t], logPair[t], p, kappaPair[t], weightPair, slopePair, t);
                }
            }
            lastError = error + 2 * (m + 2) * U * weightSum;
            return dp(0);
        }

        /** H(p) - E(p): positive where H is certainly positive (never where H is NaN). */
        private double margin(double p) {
            double v = h(p) - lastError;
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }

        /**
         * Stores w = |S|^p - |S| and dw/dp = |S|^p ln|S|; returns the rounding bound of w: a few
         * ulps of w and of |S|^p (p - 1) ln|S| (the argument's rounding), plus the effect of |S|
         * being off by kappa ulps, |dw/d|S|| kappa u |S| = |p |S|^p - |S|| kappa u.
         */
        private double weigh(double size, double log, double p, double kappa, double[] w, double[] slope, int t) {
            double weight = reducedWeight(size, log, p);
            double power = size + weight; // |S|^p, to 4 ulps: tiles are at most 4 after the run's scaling
            w[t] = weight;
            slope[t] = power * log;
            weightSum += Math.abs(weight);
            return weightError(size, log, p, kappa, weight, power);
        }

        /**
         * The rounding bound of w = |S|^p - |S| as {@link #reducedWeight} computes it: a few ulps of
         * w and of |S|^p times the argument of exp or expm1 (whose rounding it magnifies), and the
         * effect of |S| being off by kappa ulps, |dw/d|S|| kappa u |S| = |p |S|^p - |S|| kappa u.
         */
        private static double weightError(double size, double log, double p, double kappa, double weight, double power) {
            double exponent = Math.abs((p - 1) * log);
            double argument = exponent < 0.5 ? exponent : Math.abs(p * log); // the branch reducedWeight takes
            return 4 * U * (Math.abs(weight) + power * argument) + kappa * U * Math.abs(p * power - size);
        }

        /**
         * |S|^p - |S| to a few ulps of itself with one transcendental call: near p = 1 (|(p - 1)
         * ln|S|| &lt; 1/2) as |S| expm1((p - 1) ln|S|), where the difference would cancel; elsewhere
         * as exp(p ln|S|) - |S|, which then loses at most a factor 2.6 of its ulps.
         */
        static double reducedWeight(double size, double log, double p) {
            double exponent = (p - 1) * log;
            return Math.abs(exponent) < 0.5 ? size * Math.expm1(exponent) : Math.exp(p * log) - size;
        }

        /**
         * The tiling DP over weights w(S) + shift dw/dp(S) from the buffers: shift = 0 gives the
         * reduced costs at p; shift = q - p gives each tiling's tangent line at p, evaluated at q.
         * Returns (least non-sparsest) - (least sparsest).
         */
        private double dp(double shift) {
            sparsest[0] = 0;
            other[0] = Double.POSITIVE_INFINITY;
            for (int t = 1; t <= m; t++) {
                double cs = weightSingle[t - 1] + shift * slopeSingle[t - 1];
                // a single after an odd number of covered points adds an extra tile
                boolean extra = ((t - 1) & 1) == 1;
                double s0 = extra ? Double.POSITIVE_INFINITY : sparsest[t - 1] + cs;
                double s1 = extra ? Math.min(sparsest[t - 1], other[t - 1]) + cs : other[t - 1] + cs;
                byte c = 1;
                if (t >= 2) {
                    double cp = weightPair[t - 2] + shift * slopePair[t - 2];
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
         * Proves H &gt; 0 on [p1, p2] given H(p2) &gt; E(p2). Each tiling's cost is convex in p, so
         * on [p1, p2] G is above the least tangent line at p2 (a concave function) and F0 is below
         * the chord of the best sparsest tiling T* at p2 (linear). Their difference is concave, so it
         * suffices that it is positive at both ends: at p2 it is H(p2); at p1 it is checked here,
         * beyond the rounding bounds of the tangents and of T*'s cost at p1. The bound is
         * second-order in p2 - p1, which keeps the proof cheap as H tends to 0 at 1.
         */
        boolean positiveOn(double p1, double p2) {
            work += 3L * m;
            h(p2);
            double errorAtP2 = lastError;
            double starAtP1 = 0;
            double starError = 0;
            double starSum = 0;
            for (int t = m; t > 0; t -= choice[t]) {
                boolean isSingle = choice[t] == 1;
                double size = isSingle ? single[t - 1] : pair[t - 2];
                double log = isSingle ? logSingle[t - 1] : logPair[t - 2];
                double kappa = isSingle ? kappaSingle[t - 1] : kappaPair[t - 2];
                double weight = reducedWeight(size, log, p1);
                double power = size + weight;
                starAtP1 += weight;
                starSum += Math.abs(weight);
                starError += weightError(size, log, p1, kappa, weight, power);
            }
            double shift = p1 - p2;
            double slopeSum = 0;
            for (int t = 0; t < m; t++) {
                slopeSum += Math.abs(slopeSingle[t]) + (t + 1 < m ? Math.abs(slopePair[t]) : 0);
            }
            dp(shift);
            double tangentOther = other[m];
            double error = errorAtP2 + 8 * U * Math.abs(shift) * slopeSum + starError
                    + 2 * (m + 2) * U * (weightSum + Math.abs(shift) * slopeSum + starSum);
            return tangentOther - starAtP1 > error;
        }

        /** The first crossing of H below {@code limit}, or null when H &gt; E is proved there. */
        Crossing firstCrossing(double limit) {
            try {
                double zero = zeroAfter(0, margin(0), limit);
                return Double.isNaN(zero) ? null : resolve(lowEnd, zero, limit, true);
            } catch (BudgetExceeded e) {
                certified = false;
                return gridSearch(limit);
            }
        }

        /**
         * Samples (from, limit] on a grid and searches the first interval where H &gt; E is not
         * proved; returns the first p where it fails (with {@link #lowEnd} just below), or NaN.
         */
        private double zeroAfter(double from, double fromMargin, double limit) {
            double p1 = from;
            double m1 = fromMargin;
            for (int k = 1; k <= GRID; k++) {
                double p2 = from + (limit - from) * k / GRID;
                double m2 = margin(p2);
                double r = search(p1, m1, p2, m2);
                if (!Double.isNaN(r)) {
                    return r;
                }
                p1 = p2;
                m1 = m2;
            }
            return Double.NaN;
        }

        private double search(double p1, double m1, double p2, double m2) {
            if (work > budget) {
                throw new BudgetExceeded();
            }
            boolean narrow = p2 - p1 <= REL_ACCURACY * p2;
            if (m2 <= 0 && narrow) {
                lowEnd = p1;
                return p2;
            }
            if (narrow) {
                return Double.NaN; // positive at both ends of an interval at the resolution
            }
            if (m2 > 0 && positiveOn(p1, p2)) {
                return Double.NaN; // proved: H > 0 on [p1, p2]
            }
            double mid = 0.5 * (p1 + p2);
            double mm = margin(mid);
            double r = search(p1, m1, mid, mm);
            return Double.isNaN(r) ? search(mid, mm, p2, m2) : r;
        }

        /**
         * H &gt; E up to {@code low}, and not at {@code p}: walks on with doubling steps until H is
         * certainly negative (a crossing in [low, there]: decided when that is narrow) or the limit
         * is reached (undecided up to it). Where H is certainly positive again the search goes on
         * to the next place where H &gt; E fails (not in the fallback, whose budget is spent), and
         * the crossing stays undecided from {@code low}.
         */
        private Crossing resolve(double low, double p, double limit, boolean searchOn) {
            double base = p;
            double step = REL_ACCURACY * Math.max(p, limit);
            double at = p;
            while (true) {
                double hAt = h(at);
                if (Double.isNaN(hAt)) {
                    return new Crossing(low, openEnd(limit), Double.NaN, false, Double.NaN, Double.NaN);
                }
                if (hAt < -lastError) {
                    boolean narrow = at - low <= DECIDED_WIDTH * at && base == p;
                    return new Crossing(low, at, narrow ? signChange(low, at) : Double.NaN, narrow, Double.NaN, Double.NaN);
                }
                if (at >= limit) {
                    return new Crossing(low, openEnd(limit), Double.NaN, false, Double.NaN, Double.NaN);
                }
                if (hAt > lastError) {
                    double next = searchOn ? zeroAfter(at, hAt - lastError, limit) : Double.NaN;
                    if (Double.isNaN(next)) {
                        return new Crossing(low, openEnd(limit), Double.NaN, false, Double.NaN, Double.NaN);
                    }
                    base = next;
                    step = REL_ACCURACY * Math.max(next, limit);
                    at = next;
                    continue;
                }
                at = Math.min(base + step, limit);
                step *= 2;
            }
        }

        /** The limit as an undecided stretch's end: 1 when the search reached the top. */
        private static double openEnd(double limit) {
            return limit >= UPPER ? 1 : limit;
        }

        /** Where the computed H changes sign in [low, high] (H(low) &gt; 0 &gt; H(high)), to 1e-12. */
        private double signChange(double low, double high) {
            while (high - low > REL_ACCURACY * high) {
                double mid = 0.5 * (low + high);
                if (h(mid) > 0) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            return high;
        }

        /** Uncertified: the first grid sample with H &gt; E failing, refined by bisection. */
        private Crossing gridSearch(double limit) {
            double p1 = 0;
            for (int k = 1; k <= FALLBACK_GRID; k++) {
                double p2 = limit * k / FALLBACK_GRID;
                if (margin(p2) <= 0) {
                    while (p2 - p1 > REL_ACCURACY * p2) {
                        double mid = 0.5 * (p1 + p2);
                        if (margin(mid) <= 0) {
                            p2 = mid;
                        } else {
                            p1 = mid;
                        }
                    }
                    return resolve(p1, p2, limit, false); // no second search: the budget is spent
                }
                p1 = p2;
            }
            return null;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}
