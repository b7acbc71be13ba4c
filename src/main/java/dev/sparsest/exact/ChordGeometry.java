package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.data.UnivariateRange;

/**
 * Chord slopes s_j, discrete curvatures a_i = s_i - s_{i-1} and their signs, for sorted data.
 *
 * <p><b>Collinearity.</b> Three consecutive points count as collinear when their curvature is
 * small against their slopes: |a_i| &lt;= tol (|s_{i-1}| + |s_i|). The test uses only differences
 * of the data, so its answer does not change under y -&gt; alpha y + beta or x -&gt; alpha x + beta
 * (reflection included) whenever the transformed data are exact in doubles. It is decided
 * exactly: slopes and curvatures are computed in double-double (the data are exact rationals),
 * and the few curvatures within rounding of the threshold are compared in exact rational
 * arithmetic ({@link Collinearity}). With tol = 0 the signs are those of the exact curvatures of
 * the given doubles.
 *
 * <p>The default tol = 1e-11 absorbs rounding in data that were computed rather than measured
 * (y = 0.1 i has curvatures of 1e-16 of its slopes): exact slopes of doubles carry no error at
 * all, and a computed value's error is relative to itself. It does not absorb representation
 * error that is large against the differences: decimal values with an offset 10^5 times their
 * steps (1000000.1, 1000000.2, ...) are not collinear in doubles. Raise tol for such data or for
 * data rounded upstream (float32: about 1e-6), or subtract the offset before fitting.
 *
 * <p>Values computed with errors relative to a common scale rather than to themselves (fitted
 * values, whose small entries carry the rounding of the large ones) take a value floor v: each
 * slope's scale grows by 2 v / (x_{j+1} - x_j).
 *
 * <p>Across a stretch of points whose curvatures were each small enough to drop, the interpolant
 * follows one line and the dropped curvatures add up; where the next point would lie further from
 * that line than 2 tol (|Delta y| + |s| Delta x) (differences along the stretch), the last dropped
 * curvature is kept after all. {@link #allowance(int)} is that bound at each point: the
 * interpolant's documented distance from the data there, beside rounding.
 */
public final class ChordGeometry {
    /** Default relative collinearity tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-11;

    private final double tolerance;
    private final double valueFloor;
    private final Collinearity test;

    /** The loaded points: n of them, in x[0..n) and y[0..n) (the arrays may be longer). */
    int n;
    double[] x = new double[0];
    double[] y = new double[0];
    /** s[j], j = 0..n-2: slope of the chord through points j and j+1 (correctly rounded). */
    double[] s = new double[0];
    /** a[i], i = 1..n-2: curvature at interior point i, to a few ulps (a[0] and a[n-1] unused, 0). */
    double[] a = new double[0];
    /** sign of a[i] after the collinearity test: -1, 0, +1. */
    byte[] sign = new byte[0];
    /** Distance from the followed line allowed at each point by dropped curvatures, if {@link #hasAllowance}. */
    private double[] allowance = new double[0];
    private boolean hasAllowance;

    ChordGeometry(UnivariateDataset data, double tolerance) {
        this(tolerance, 0);
        double[] xs = data.xs();
        load(xs, data.ys(), 0, xs.length);
    }

    /** An empty geometry to {@link #load} data into, again and again: buffers grow, never shrink. */
    ChordGeometry(double tolerance, double valueFloor) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tolerance);
        }
        if (!(valueFloor >= 0) || Double.isInfinite(valueFloor)) {
            throw new IllegalArgumentException("value floor must be finite and >= 0: " + valueFloor);
        }
        this.tolerance = tolerance;
        this.valueFloor = valueFloor;
        this.test = new Collinearity(tolerance, valueFloor);
    }

    /**
     * Loads points {@code xs[offset..offset+count)}, {@code ys} alike, and computes slopes,
     * curvatures and signs. The points must be finite with x strictly increasing: refused by
     * index otherwise (the index in the given arrays), and by {@link UnivariateRange} where
     * doubles cannot answer for them. Allocates only to grow its buffers (and in the rare exact
     * comparisons of {@link Collinearity}).
     */
    void load(double[] xs, double[] ys, int offset, int count) {
        if (x.length < count) {
            int capacity = Math.max(count, x.length + (x.length >> 1));
            x = new double[capacity];
            y = new double[capacity];
            s = new double[capacity];
            a = new double[capacity];
            sign = new byte[capacity];
        }
        n = count;
        hasAllowance = false;
        if (count > 0) {
            a[0] = 0;
            sign[0] = 0;
            a[count - 1] = 0;
            sign[count - 1] = 0;
        }
        // one pass: copy, validate, slope of the chord ending at i, curvature and sign at i - 1;
        // anything suspicious goes to validateInOrder, which names the first problem in the
        // order UnivariateRange.require checks them (points, scale, chords)
        double yMax = 0;
        double previousQuotient = 0;
        double previousLow = 0;
        for (int i = 0; i < count; i++) {
            double xi = xs[offset + i];
            double yi = ys[offset + i];
            if (!(Math.abs(xi) <= UnivariateRange.MAX_MAGNITUDE && Math.abs(yi) <= UnivariateRange.MAX_MAGNITUDE
                    && (i == 0 || xi > x[i - 1]))) {
                refuse(xs, ys, offset, count);
            }
            xi += 0.0; // -0.0 and 0.0 are the same abscissa (-0.0 + 0.0 is 0.0; other values unchanged)
            x[i] = xi;
            y[i] = yi;
            yMax = Math.max(yMax, Math.abs(yi));
            if (i == 0) {
                continue;
            }
            int j = i - 1; // the chord (j, i)
            double x0 = x[j];
            double y0 = y[j];
            double dy = yi - y0;
            double quotient = dy / (xi - x0);
            double size = Math.abs(quotient);
            if (!(xi - x0 >= UnivariateRange.MIN_MAGNITUDE && size <= Double.MAX_VALUE
                    && (size >= Double.MIN_NORMAL || dy == 0)
                    && (j == 0 || Math.abs(quotient - previousQuotient) <= Double.MAX_VALUE))) {
                refuse(xs, ys, offset, count);
            }
            previousQuotient = quotient;
            s[j] = test.slope(x0, xi, y0, yi, quotient);
            double low = test.slopeLow();
            if (j > 0) { // curvature at point j, between chords j - 1 and j
                double curvature = Collinearity.curvature(s[j - 1], previousLow, s[j], low);
                sign[j] = test.sign(curvature, s[j - 1], s[j], x[j - 1], x0, xi, y[j - 1], y0, yi);
                a[j] = test.refined(curvature);
                if (sign[j] != 0 && Math.abs(a[j]) < Double.MIN_NORMAL) {
                    validateInOrder(xs, ys, offset, count);
                    throw new InvalidDataException("the curvature at x = " + x[j] + " underflows a double (" + a[j]
                            + "), so it would lose its digits: rescale the data");
                }
            }
            previousLow = low;
        }
        UnivariateRange.requireScale(yMax);
        keepDroppedCurvaturesFromAddingUp();
    }

    /**
     * Walks each stretch of dropped curvatures; where the next point would lie further from the
     * followed line (the chord entering the stretch) than the stretch's allowance, the last dropped
     * nonzero curvature is kept after all and a new line starts there (found by fuzzing: over 20
     * nearly collinear points a point 1e-9 off). Deviation and allowance are differences of the
     * data, so the walk is as shift-invariant as the test of single points.
     */
    private void keepDroppedCurvaturesFromAddingUp() {
        int start = -1; // first point of the current zero stretch; the line is chord (start - 1, start)
        int lastNonzero = -1;
        for (int j = 1; j + 1 < n; j++) {
            if (sign[j] != 0) {
                start = -1;
                continue;
            }
            if (start < 0) {
                start = j;
                lastNonzero = -1;
            }
            if (a[j] != 0) {
                lastNonzero = j;
            }
            double slope = s[start - 1];
            double dx = x[j + 1] - x[start];
            double dy = y[j + 1] - y[start];
            double deviation = Math.abs(Math.fma(slope, dx, -dy));
            // the deviation's own rounding (a few ulps of its terms) is no reason to keep a curvature
            double bound = 2 * tolerance * (Math.abs(dy) + Math.abs(slope) * dx + 2 * valueFloor)
                    + 4 * 0x1p-53 * (Math.abs(dy) + Math.abs(slope) * dx);
            if (deviation > bound && lastNonzero >= 0) {
                sign[lastNonzero] = (byte) (a[lastNonzero] > 0 ? 1 : -1);
                for (int k = lastNonzero + 1; k <= j + 1 && hasAllowance; k++) {
                    allowance[k] = 0;
                }
                j = lastNonzero; // continue after the kept curvature: a new stretch, a new line
                start = -1;
            } else if (deviation > 0) {
                if (!hasAllowance) {
                    if (allowance.length < x.length) {
                        allowance = new double[x.length];
                    }
                    java.util.Arrays.fill(allowance, 0, n, 0);
                    hasAllowance = true;
                }
                allowance[j + 1] = bound;
            }
        }
    }

    /** Throws the refusal {@link #validateInOrder} names (the fast checks of {@link #load} saw one). */
    private static void refuse(double[] xs, double[] ys, int offset, int count) {
        validateInOrder(xs, ys, offset, count);
        throw new IllegalStateException("data refused by the fast checks but not by the careful ones: a bug");
    }

    /**
     * The checks of {@link #load} one after another on the raw points, each throwing for the
     * first point or chord it refuses: finite, strictly increasing and within range per point,
     * then the scale of y, then every chord ({@link UnivariateRange}). Returns when all pass.
     */
    private static void validateInOrder(double[] xs, double[] ys, int offset, int count) {
        double yMax = 0;
        for (int i = 0; i < count; i++) {
            double xi = xs[offset + i];
            double yi = ys[offset + i];
            if (!Double.isFinite(xi) || !Double.isFinite(yi)) {
                throw new InvalidDataException("non-finite value at index " + (offset + i) + ": x = " + xi + ", y = " + yi);
            }
            if (i > 0 && !(xi > xs[offset + i - 1])) {
                throw new InvalidDataException("x is not strictly increasing at index " + (offset + i) + " (x = "
                        + xs[offset + i - 1] + ", then " + xi
                        + "): sort the points and merge repeated x first (UnivariateDataset.of does both)");
            }
            UnivariateRange.requirePoint(xi, yi);
            yMax = Math.max(yMax, Math.abs(yi));
        }
        UnivariateRange.requireScale(yMax);
        double previousQuotient = 0;
        for (int i = 1; i < count; i++) {
            previousQuotient = UnivariateRange.requireChord(xs[offset + i - 1] + 0.0, xs[offset + i] + 0.0,
                    ys[offset + i - 1], ys[offset + i], i > 1, previousQuotient);
        }
    }

    /** How far the interpolant may lie from point i because curvatures were dropped (0 mostly). */
    double allowance(int i) {
        return hasAllowance ? allowance[i] : 0;
    }

    /** The l0 lower bound: sum over maximal runs of equal nonzero sign of ceil(run / 2). */
    int l0LowerBound() {
        int total = 0;
        int i = 1;
        while (i + 1 < n) {
            int end = runEnd(i);
            if (sign[i] != 0) {
                total += (end - i + 1) / 2;
            }
            i = end;
        }
        return total;
    }

    /**
     * The end (exclusive) of the run starting at interior point i: the first index after i whose
     * sign differs from sign[i] (or n - 1). A zero-sign point is a run of its own with no neuron.
     */
    int runEnd(int i) {
        if (sign[i] == 0) {
            return i + 1;
        }
        int j = i + 1;
        while (j + 1 < n && sign[j] == sign[i]) {
            j++;
        }
        return j;
    }

    /** sum_i |a_i| over nonzero-sign points: the l1 path norm of every interpolant on a chord path. */
    double l1Value() {
        double sum = 0;
        for (int i = 1; i + 1 < n; i++) {
            if (sign[i] != 0) {
                sum += Math.abs(a[i]);
            }
        }
        return sum;
    }
}
