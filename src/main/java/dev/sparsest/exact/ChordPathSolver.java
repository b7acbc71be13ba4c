package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.data.UnivariateRange;
import dev.sparsest.model.UnivariateNetwork;

/**
 * The exact solver for univariate interpolation (THEORY.md section 1): a shortest path over the
 * chords of the data, O(N) time and memory.
 *
 * <p>The path decomposes over maximal runs of interior points whose curvature has one nonzero
 * sign: inside a run it is a tiling of the run by single points (a knot at the data point, slope
 * change a_i) and adjacent pairs (a knot strictly between the two points where the chords on
 * either side cross, slope change a_i + a_{i+1}). A dynamic program over each run finds the best
 * tiling.
 *
 * <p><b>Objectives and ties</b>, compared lexicographically:
 * <ul>
 *   <li>l^p, 0 &lt; p &lt; 1: (sum |c|^p, neurons). Costs within a relative 1e-12 count as equal.</li>
 *   <li>l0: (neurons, sum ln |c|): among the sparsest interpolants the one that l^p optima tend to
 *       as p -&gt; 0+.</li>
 *   <li>l1: every chord path costs sum |a_i|, so the result is the l0 solution (the sparsest l1
 *       optimum), reported with its l1 cost.</li>
 * </ul>
 * Remaining ties prefer the single-point tile (a knot at a data point) at the rightmost place the
 * dynamic program decides, which makes the result deterministic.
 *
 * <p>Points whose curvature is zero within the tolerance ({@link ChordGeometry}) get no knot; the
 * next knot is placed where the line being followed meets the next chord, so an error from a
 * dropped near-zero curvature does not propagate along the data.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ChordPathSolver {
    private static final double TIE = 1e-12;
    /** The rounding budget's factor, 8u (see {@link #requireInterpolation}). */
    static final double ROUNDING = 0x1p-50;

    private final double tolerance;
    private final double valueFloor;

    public ChordPathSolver() {
        this(ChordGeometry.DEFAULT_TOLERANCE);
    }

    /** A solver whose collinearity tolerance is {@code tolerance} (see {@link ChordGeometry}). */
    public ChordPathSolver(double tolerance) {
        this(tolerance, 0);
    }

    /**
     * A solver for values computed with errors relative to a common scale (such as fitted values):
     * in the rounding model every |y| counts as at least {@code valueFloor} (see {@link ChordGeometry}).
     */
    public ChordPathSolver(double tolerance, double valueFloor) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tolerance);
        }
        if (!(valueFloor >= 0) || Double.isInfinite(valueFloor)) {
            throw new IllegalArgumentException("value floor must be finite and >= 0: " + valueFloor);
        }
        this.tolerance = tolerance;
        this.valueFloor = valueFloor;
    }

    public double tolerance() {
        return tolerance;
    }

    public ExactSolution solve(UnivariateDataset data, Penalty penalty) {
        data.requireTwoPoints();
        int n = data.size();
        if (n <= 2) {
            UnivariateRange.require(data.xs(), data.ys()); // the line's slope must be a double
            double slope = (data.y(1) - data.y(0)) / (data.x(1) - data.x(0));
            UnivariateNetwork affine = UnivariateNetwork.affine(slope, data.x(0), data.y(0));
            return new ExactSolution(affine, penalty, 0, 0, 0, tolerance);
        }
        ChordGeometry g = new ChordGeometry(data, tolerance, valueFloor);
        byte[] tileEndingAt = new byte[n];
        Workspace ws = new Workspace(n);
        for (int i = 1; i + 1 < n; ) {
            int end = g.runEnd(i);
            if (g.sign[i] != 0) {
                tileRun(g, i, end, penalty, ws, tileEndingAt);
            }
            i = end;
        }
        UnivariateNetwork net;
        try {
            net = buildNetwork(g, tileEndingAt);
        } catch (IllegalArgumentException e) { // found by fuzzing: x spread over +-1e308
            throw new InvalidDataException("the interpolant overflows a double (" + e.getMessage() + "): rescale the data");
        }
        requireInterpolation(net, g);
        double cost = penalty.isL0() ? net.neurons() : net.pathNorm(penalty.p());
        return new ExactSolution(net, penalty, cost, g.l0LowerBound(), g.l1Value(), tolerance);
    }

    /** DP buffers, indexed by the number of run elements covered. */
    private static final class Workspace {
        final double[] primary;
        final double[] secondary;
        final byte[] last;

        Workspace(int n) {
            primary = new double[n + 1];
            secondary = new double[n + 1];
            last = new byte[n + 1];
        }
    }

    /** Best tiling of run [from, to) of interior points; marks the tile ending at each point. */
    private static void tileRun(ChordGeometry g, int from, int to, Penalty penalty, Workspace ws, byte[] tileEndingAt) {
        boolean countFirst = penalty.isL0() || penalty.isL1();
        int m = to - from;
        ws.primary[0] = 0;
        ws.secondary[0] = 0;
        for (int t = 1; t <= m; t++) {
            double single = g.a[from + t - 1];
            double p1 = ws.primary[t - 1] + (countFirst ? 1 : penalty.cost(single));
            double s1 = ws.secondary[t - 1] + (countFirst ? Math.log(Math.abs(single)) : 1);
            byte choice = 1;
            if (t >= 2) {
                double pair = g.a[from + t - 2] + single;
                double p2 = ws.primary[t - 2] + (countFirst ? 1 : penalty.cost(pair));
                double s2 = ws.secondary[t - 2] + (countFirst ? Math.log(Math.abs(pair)) : 1);
                if (better(p2, s2, p1, s1)) {
                    choice = 2;
                    p1 = p2;
                    s1 = s2;
                }
            }
            ws.primary[t] = p1;
            ws.secondary[t] = s1;
            ws.last[t] = choice;
        }
        for (int t = m; t > 0; t -= ws.last[t]) {
            tileEndingAt[from + t - 1] = ws.last[t];
        }
    }

    /**
     * Strictly better: lower primary, or tied primary and lower secondary. Primaries tie within a
     * relative TIE (they scale with the data); secondaries (counts, sums of logs) within TIE of
     * max(|value|, 1), since a sum of logs can be near zero.
     */
    private static boolean better(double p2, double s2, double p1, double s1) {
        if (Math.abs(p2 - p1) > TIE * Math.max(Math.abs(p2), Math.abs(p1))) {
            return p2 < p1;
        }
        return s2 < s1 && s1 - s2 > TIE * Math.max(1, Math.max(Math.abs(s2), Math.abs(s1)));
    }

    /**
     * The postcondition, checked at every data point in one O(N + K) pass: the interpolant is
     * within {@link ChordGeometry#allowance} (and the allowances of earlier stretches, which a
     * knot clamped into [x_2, x_{N-1}] cannot take back) plus a rounding budget
     * 8u (|y_i| + |s_0| (|x_1| + x_i - x_1) + sum_{u_k &lt;= x_i} |c_k| (|u_k| + x_i - u_k)
     * + sum_{j &lt; i} |y_{j+1} - y_j|) with u = 2^-53: the network's own evaluation (its value and
     * slope tables are carried in double-double, so they add only the last rounding), knot
     * positions and slope changes rounded once each and acting on every later point, and chord
     * slopes rounded once each, which the value chain carries along the data (their sum is at most
     * u times the total variation). Only |y_i| depends on the offset of y, and only locally. A
     * miss beyond it (a curvature lost to an offset in y, a slope times a distance rounding away
     * near the top of the double range) is refused, never returned. The network must also keep at
     * least the lower bound's neurons (knots merged by rounding are refused the same way).
     */
    private static void requireInterpolation(UnivariateNetwork net, ChordGeometry g) {
        int n = g.n;
        double[] x = g.x;
        double[] y = g.y;
        double[] f = new double[n];
        net.evaluateSorted(x, f);
        double firstLine = Math.abs(net.slope());
        double changes = 0;          // sum |c_k| over the knots left of x_i
        double changesAtKnots = 0;   // sum |c_k| u_k
        double knotRounding = 0;     // sum |c_k| |u_k|
        double variation = 0;        // sum |y_{j+1} - y_j| up to x_i
        double carried = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k < net.neurons() && net.knot(k) <= x[i]) {
                double c = Math.abs(net.slopeChange(k));
                changes += c;
                changesAtKnots += c * net.knot(k);
                knotRounding += c * Math.abs(net.knot(k));
                k++;
            }
            if (i > 0) {
                variation += Math.abs(y[i] - y[i - 1]);
            }
            double magnitudes = Math.abs(y[i]) + firstLine * (Math.abs(x[0]) + (x[i] - x[0]))
                    + knotRounding + (changes * x[i] - changesAtKnots) + variation;
            double miss = Math.abs(f[i] - y[i]);
            double budget = carried + g.allowance(i) + ROUNDING * magnitudes;
            if (!(miss <= budget)) {
                throw new InvalidDataException("at x = " + x[i] + " the interpolant gives " + f[i] + " for y = " + y[i]
                        + ", off by " + (float) miss + " where rounding at these magnitudes explains " + (float) budget
                        + ": rescale the data");
            }
            if (g.allowance(i) > 0 && (i + 1 == n || g.allowance(i + 1) == 0)) {
                // a stretch ends: where its knot had to be clamped into [x_2, x_{N-1}], its
                // deviation stays in the values carried from knot to knot
                carried += g.allowance(i);
            }
        }
        int bound = g.l0LowerBound();
        if (net.neurons() < bound) {
            throw new InvalidDataException("rounding merged knots of the interpolant (" + net.neurons()
                    + " neurons where no interpolant has fewer than " + bound + "): rescale the data");
        }
    }

    /**
     * Walks the interior points left to right following the current line; a tile ending at i
     * hands over to chord i at the crossing of the current line with it.
     */
    private static UnivariateNetwork buildNetwork(ChordGeometry g, byte[] tileEndingAt) {
        int n = g.n;
        double[] x = g.x;
        double[] y = g.y;
        int count = 0;
        for (int i = 1; i + 1 < n; i++) {
            if (tileEndingAt[i] != 0) {
                count++;
            }
        }
        double[] u = new double[count];
        double[] c = new double[count];
        int k = 0;
        int anchor = 1;            // the current line passes through point `anchor`
        double lineSlope = g.s[0]; // ... with this slope
        for (int i = 1; i + 1 < n; i++) {
            int tile = tileEndingAt[i];
            if (tile == 0) {
                continue; // zero curvature: no knot, keep following the current line
            }
            double change = g.s[i] - lineSlope;
            if (change == 0) {
                continue;
            }
            double knot = x[i];
            if (anchor != i) {
                // differences first: the offset of y does not enter the rounding
                double miss = Math.fma(lineSlope, x[i] - x[anchor], -(y[i] - y[anchor]));
                knot = x[i] + miss / change;
                double lo = Math.max(x[i - 1], x[1]);            // no knot outside [x_2, x_{N-1}]
                double hi = Math.min(tile == 2 ? x[i] : x[i + 1], x[n - 2]);
                knot = Math.min(Math.max(knot, lo), hi);
            }
            u[k] = knot;
            c[k] = change;
            k++;
            lineSlope = g.s[i];
            anchor = i + 1;
        }
        return UnivariateNetwork.of(java.util.Arrays.copyOf(u, k), java.util.Arrays.copyOf(c, k), g.s[0], x[0], y[0]);
    }
}
