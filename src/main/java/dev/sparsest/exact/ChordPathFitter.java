package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.numeric.KnotTables;

import java.util.Arrays;
import java.util.Objects;

/**
 * The exact univariate solver ({@link ChordPathSolver}) for hot loops: it owns its workspace and
 * writes each fit into a caller's {@link FitOutput}, so fitting many datasets allocates nothing
 * once its buffers have grown to the largest N seen (they never shrink). The answers are those of
 * {@link ChordPathSolver} bit for bit: that solver is this one run once.
 *
 * <p>Input: points {@code x[offset..offset+length)}, {@code y} alike, finite, x strictly
 * increasing (sort and merge repeated x first, as {@link dev.sparsest.data.UnivariateDataset#of}
 * does); refused by index otherwise. Allocation happens only to grow buffers, to report an error,
 * and in the rare exact rational comparison of a curvature within rounding of the collinearity
 * threshold.
 *
 * <p><b>Not thread-safe</b>: one fitter per thread (they are cheap; see {@link BatchFitter} for
 * many datasets on several threads).
 */
public final class ChordPathFitter {
    private static final double TIE = 1e-12;
    /** The rounding budget's factor, 8u (see {@link #requireInterpolation}). */
    static final double ROUNDING = 0x1p-50;

    private final double tolerance;
    private final ChordGeometry g;
    /** Per point: the length of the tile ending there (1 or 2), 0 where none ends. */
    private byte[] tileEndingAt = new byte[0];
    /** Dynamic-program buffers, indexed by the number of run elements covered. */
    private double[] primary = new double[0];
    private double[] secondary = new double[0];
    private byte[] last = new byte[0];
    /** Evaluation tables of the fitted network, per knot. */
    private double[] valueAtKnot = new double[0];
    private double[] slopeAfterKnot = new double[0];
    /** The walk's state: knots placed, the point and slope of the line followed, the certificate's sums. */
    private int knotCount;
    private int anchor;
    private double lineSlope;
    private int lowerBound;
    private double l1Value;

    /** A fitter with the default collinearity tolerance ({@link ChordGeometry#DEFAULT_TOLERANCE}). */
    public ChordPathFitter() {
        this(ChordGeometry.DEFAULT_TOLERANCE);
    }

    /** A fitter whose collinearity tolerance is {@code tolerance} (see {@link ChordGeometry}). */
    public ChordPathFitter(double tolerance) {
        this(tolerance, 0);
    }

    /** A fitter for values with errors relative to a common scale (see {@link ChordPathSolver}). */
    public ChordPathFitter(double tolerance, double valueFloor) {
        this.g = new ChordGeometry(tolerance, valueFloor);
        this.tolerance = tolerance;
    }

    public double tolerance() {
        return tolerance;
    }

    /** Fits all of {@code x}, {@code y} (same length) into {@code out}. */
    public void fit(double[] x, double[] y, Penalty penalty, FitOutput out) {
        out.clear();
        if (x.length != y.length) {
            throw new InvalidDataException("x and y differ in length: " + x.length + " x values, " + y.length + " y values");
        }
        fit(x, y, 0, x.length, penalty, out);
    }

    /**
     * Fits points {@code offset..offset+length} of {@code x} and {@code y} into {@code out}: the
     * interpolant of least cost under {@code penalty}, with its certificate. On an
     * {@link InvalidDataException} {@code out} holds no fit.
     */
    public void fit(double[] x, double[] y, int offset, int length, Penalty penalty, FitOutput out) {
        out.clear();
        if (offset < 0 || length < 0 || offset > x.length - length || offset > y.length - length) {
            throw new IndexOutOfBoundsException("points " + offset + ".." + (offset + length) + " of arrays of length "
                    + x.length + " and " + y.length);
        }
        Objects.requireNonNull(penalty, "penalty");
        if (length < 2) {
            throw new InvalidDataException(length + " point" + (length == 1 ? " (at index " + offset + ")" : "s")
                    + ": at least 2 are needed");
        }
        g.load(x, y, offset, length);
        int n = g.n;
        if (n == 2) {
            double slope = (g.y[1] - g.y[0]) / (g.x[1] - g.x[0]);
            write(out, 0, slope, penalty, 0, 0, 0);
            return;
        }
        grow(n);
        out.reserve(n);
        walkRuns(penalty, out.knots, out.slopeChanges);
        write(out, dropCancelled(out.knots, out.slopeChanges), g.s[0], penalty, 0, lowerBound, l1Value);
        int neurons = out.neurons;
        int overflow = fillTables(out);
        if (overflow >= 0) { // found by fuzzing: x spread over +-1e308
            out.clear();
            throw new InvalidDataException("the interpolant overflows a double (the network overflows: its value or slope at knot "
                    + out.knots[overflow] + " is not finite (value " + valueAtKnot[overflow] + ", slope "
                    + slopeAfterKnot[overflow] + ")): rescale the data");
        }
        requireInterpolation(out);
        out.cost = penalty.isL0() ? neurons : pathNorm(out, penalty.p());
    }

    private void write(FitOutput out, int neurons, double slope, Penalty penalty, double cost, int lowerBound, double l1) {
        out.neurons = neurons;
        out.slope = slope;
        out.anchorX = g.x[0];
        out.anchorY = g.y[0];
        out.cost = cost;
        out.l0LowerBound = lowerBound;
        out.l1Value = l1;
        out.tolerance = tolerance;
        out.penalty = penalty;
    }

    private void grow(int n) {
        if (tileEndingAt.length < n + 1) {
            int capacity = Math.max(n + 1, tileEndingAt.length + (tileEndingAt.length >> 1));
            tileEndingAt = new byte[capacity];
            primary = new double[capacity];
            secondary = new double[capacity];
            last = new byte[capacity];
        }
    }

    /** sum_k |c_k|^p in knot order: what {@link dev.sparsest.model.UnivariateNetwork#pathNorm} gives. */
    private static double pathNorm(FitOutput out, double p) {
        double sum = 0;
        for (int k = 0; k < out.neurons; k++) {
            double c = Math.abs(out.slopeChanges[k]);
            sum += p == 1 ? c : Math.pow(c, p);
        }
        return sum;
    }

    /**
     * One pass over the maximal runs of interior points whose curvature has one nonzero sign:
     * each run's best tiling, the knots it places (left to right) and the certificate's sums.
     * Under l0 and l1 an even run has one sparsest tiling (pairs only) and a single point one
     * tiling under any penalty: only the other runs need the dynamic program (and its logarithms).
     */
    private void walkRuns(Penalty penalty, double[] u, double[] c) {
        boolean countFirst = penalty.isL0() || penalty.isL1();
        int n = g.n;
        byte[] sign = g.sign;
        double[] a = g.a;
        knotCount = 0;
        anchor = 1;
        lineSlope = g.s[0];
        lowerBound = 0;
        double l1 = 0;
        for (int i = 1; i + 1 < n; ) {
            byte runSign = sign[i];
            if (runSign == 0) {
                i++;
                continue;
            }
            l1 += Math.abs(a[i]);
            int end = i + 1;
            while (end + 1 < n && sign[end] == runSign) { // the run: ChordGeometry.runEnd, summing as it goes
                l1 += Math.abs(a[end]);
                end++;
            }
            int m = end - i;
            lowerBound += (m + 1) / 2;
            if (m == 1) {
                placeKnot(i, 1, u, c);
            } else if (countFirst && (m & 1) == 0) {
                for (int t = i + 1; t < end; t += 2) {
                    placeKnot(t, 2, u, c);
                }
            } else {
                tileByDynamicProgram(i, end, penalty, countFirst);
                for (int t = i; t < end; t++) {
                    if (tileEndingAt[t] != 0) {
                        placeKnot(t, tileEndingAt[t], u, c);
                    }
                }
            }
            i = end;
        }
        l1Value = l1;
    }

    /** Best tiling of run [from, to) of interior points; marks the tile ending at each of its points. */
    private void tileByDynamicProgram(int from, int to, Penalty penalty, boolean countFirst) {
        double[] a = g.a;
        int m = to - from;
        primary[0] = 0;
        secondary[0] = 0;
        for (int t = 1; t <= m; t++) {
            double single = a[from + t - 1];
            double p1 = primary[t - 1] + (countFirst ? 1 : penalty.cost(single));
            double s1 = secondary[t - 1] + (countFirst ? Math.log(Math.abs(single)) : 1);
            byte choice = 1;
            if (t >= 2) {
                double pair = a[from + t - 2] + single;
                double p2 = primary[t - 2] + (countFirst ? 1 : penalty.cost(pair));
                double s2 = secondary[t - 2] + (countFirst ? Math.log(Math.abs(pair)) : 1);
                if (better(p2, s2, p1, s1)) {
                    choice = 2;
                    p1 = p2;
                    s1 = s2;
                }
            }
            primary[t] = p1;
            secondary[t] = s1;
            last[t] = choice;
        }
        Arrays.fill(tileEndingAt, from, to, (byte) 0);
        for (int t = m; t > 0; t -= last[t]) {
            tileEndingAt[from + t - 1] = last[t];
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
     * The knot of the tile ending at interior point i (1 or 2 points long), placed while walking
     * left to right following the current line: it hands over to chord i where the current line
     * crosses it. Neurons sharing a knot (one clamped onto the next data point) are merged.
     */
    private void placeKnot(int i, int tile, double[] u, double[] c) {
        double[] x = g.x;
        double[] y = g.y;
        double change = g.s[i] - lineSlope;
        if (change == 0) {
            return;
        }
        // where the current line meets chord i; when that line already passes through point i
        // (anchor == i) the miss is 0 and the knot x_i exactly: no branch on it
        // differences first: the offset of y does not enter the rounding
        double miss = Math.fma(lineSlope, x[i] - x[anchor], -(y[i] - y[anchor]));
        double knot = x[i] + miss / change;
        // within the tile's points, and no knot outside [x_2, x_{N-1}]: lo = max(x_{i-1}, x_1),
        // hi = min(x_i or x_{i+1}, x_{N-2}), as indices; plain compares (no NaN or -0.0 here
        // that Math.max would treat differently: a NaN knot stays NaN and is refused below)
        double lo = x[Math.max(i - 1, 1)];
        double hi = x[tile == 2 ? i : Math.min(i + 1, g.n - 2)];
        knot = knot < lo ? lo : knot;
        knot = knot > hi ? hi : knot;
        if (!(Math.abs(knot) <= Double.MAX_VALUE && Math.abs(change) <= Double.MAX_VALUE)) {
            throw new InvalidDataException("the interpolant overflows a double (knot " + knot + ", slope change "
                    + change + "): rescale the data");
        }
        int k = knotCount;
        if (k > 0 && knot <= u[k - 1]) {
            if (knot < u[k - 1]) {
                throw new IllegalStateException("knots out of order at x = " + x[i] + ": a bug, please report the data");
            }
            c[k - 1] += change; // knots never decrease along the walk: equal ones are neighbours
        } else {
            u[k] = knot == 0.0 ? 0.0 : knot;
            c[k] = change;
            knotCount = k + 1;
        }
        lineSlope = g.s[i];
        anchor = i + 1;
    }

    /** Drops merged slope changes that cancelled; returns the number of knots left. */
    private int dropCancelled(double[] u, double[] c) {
        int kept = 0;
        for (int j = 0; j < knotCount; j++) {
            if (c[j] != 0.0) {
                u[kept] = u[j];
                c[kept] = c[j];
                kept++;
            }
        }
        return kept;
    }

    private int fillTables(FitOutput out) {
        int k = out.neurons;
        if (valueAtKnot.length < k) {
            valueAtKnot = new double[out.knots.length];
            slopeAfterKnot = new double[out.knots.length];
        }
        return KnotTables.fill(out.knots, out.slopeChanges, k, out.slope, out.anchorX, out.anchorY,
                valueAtKnot, slopeAfterKnot);
    }

    /**
     * The postcondition, checked at every data point in one O(N + K) pass that also evaluates the
     * network: the interpolant is within {@link ChordGeometry#allowance} (and the allowances of
     * earlier stretches, which a knot clamped into [x_2, x_{N-1}] cannot take back) plus a
     * rounding budget 8u (|y_i| + |s_0| (|x_1| + x_i - x_1) + sum_{u_k &lt;= x_i} |c_k| (|u_k| + x_i - u_k)
     * + sum_{j &lt; i} |y_{j+1} - y_j|) with u = 2^-53: the network's own evaluation (its value and
     * slope tables are carried in double-double, so they add only the last rounding), knot
     * positions and slope changes rounded once each and acting on every later point, and chord
     * slopes rounded once each, which the value chain carries along the data (their sum is at most
     * u times the total variation). Only |y_i| depends on the offset of y, and only locally. A
     * miss beyond it (a curvature lost to an offset in y, a slope times a distance rounding away
     * near the top of the double range) is refused, never returned. The network must also keep at
     * least the lower bound's neurons (knots merged by rounding are refused the same way).
     */
    private void requireInterpolation(FitOutput out) {
        int n = g.n;
        double[] x = g.x;
        double[] y = g.y;
        double[] knots = out.knots;
        double[] changes = out.slopeChanges;
        int neurons = out.neurons;
        double slope = out.slope;
        double firstLine = Math.abs(slope);
        double anchorX = out.anchorX;
        double anchorY = out.anchorY;
        double changeSum = 0;        // sum |c_k| over the knots left of x_i
        double changesAtKnots = 0;   // sum |c_k| u_k
        double knotRounding = 0;     // sum |c_k| |u_k|
        double variation = 0;        // sum |y_{j+1} - y_j| up to x_i
        double carried = 0;
        double x0 = x[0];
        double absX0 = Math.abs(x0);
        int i = 0;
        // segment k: the points left of knot k and right of the ones before, on one linear piece
        for (int k = 0; k <= neurons; k++) {
            double limit = k < neurons ? knots[k] : Double.POSITIVE_INFINITY;
            double value = k == 0 ? anchorY : valueAtKnot[k - 1];
            double pieceSlope = k == 0 ? slope : slopeAfterKnot[k - 1];
            double origin = k == 0 ? anchorX : knots[k - 1];
            for (; i < n && x[i] < limit; i++) {
                if (i > 0) {
                    variation += Math.abs(y[i] - y[i - 1]);
                }
                double f = value + pieceSlope * (x[i] - origin);
                double magnitudes = Math.abs(y[i]) + firstLine * (absX0 + (x[i] - x0))
                        + knotRounding + (changeSum * x[i] - changesAtKnots) + variation;
                double miss = Math.abs(f - y[i]);
                double allowance = g.allowance(i);
                double budget = carried + allowance + ROUNDING * magnitudes;
                if (!(miss <= budget)) {
                    out.clear();
                    throw new InvalidDataException("at x = " + x[i] + " the interpolant gives " + f + " for y = " + y[i]
                            + ", off by " + (float) miss + " where rounding at these magnitudes explains " + (float) budget
                            + ": rescale the data");
                }
                if (allowance > 0 && (i + 1 == n || g.allowance(i + 1) == 0)) {
                    // a stretch ends: where its knot had to be clamped into [x_2, x_{N-1}], its
                    // deviation stays in the values carried from knot to knot
                    carried += allowance;
                }
            }
            if (k < neurons) {
                double c = Math.abs(changes[k]);
                changeSum += c;
                changesAtKnots += c * knots[k];
                knotRounding += c * Math.abs(knots[k]);
            }
        }
        if (neurons < out.l0LowerBound) {
            out.clear();
            throw new InvalidDataException("rounding merged knots of the interpolant (" + neurons
                    + " neurons where no interpolant has fewer than " + out.l0LowerBound + "): rescale the data");
        }
    }
}
