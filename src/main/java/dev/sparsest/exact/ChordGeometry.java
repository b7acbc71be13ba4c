package dev.sparsest.exact;

import dev.sparsest.data.Dataset1D;
import dev.sparsest.data.InvalidDataException;

/**
 * Chord slopes s_j, discrete curvatures a_i = s_i - s_{i-1} and their signs, for sorted data.
 *
 * <p><b>Collinearity tolerance.</b> The rounding error of a computed slope
 * s_j = (y_{j+1} - y_j) / (x_{j+1} - x_j) is a few units of 2^-53 times
 * e_j = (|y_j| + |y_{j+1}| + |s_j| (|x_j| + |x_{j+1}|)) / (x_{j+1} - x_j).
 * Curvature a_i counts as zero (three collinear points) when |a_i| &lt;= tol (e_{i-1} + e_i).
 * The test is invariant under scaling of x and of y. The default tol = 1e-11 is about 10^5 times
 * the rounding error of slopes computed from exact decimal data, and far below any curvature a
 * person would call real; raise it for data that was rounded upstream (float32: about 1e-6).
 * Values that were computed with errors relative to a common scale rather than to themselves
 * (fitted values, whose small entries carry the rounding of the large ones) take a value floor:
 * every |y| in e_j counts as at least that floor.
 */
public final class ChordGeometry {
    /** Default relative collinearity tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-11;

    final int n;
    final double[] x;
    final double[] y;
    /** s[j], j = 0..n-2: slope of the chord through points j and j+1. */
    final double[] s;
    /** a[i], i = 1..n-2: curvature at interior point i (a[0] and a[n-1] unused, 0). */
    final double[] a;
    /** sign of a[i] after the tolerance test: -1, 0, +1. */
    final byte[] sign;
    /** Least magnitude a value counts with in the rounding model. */
    private final double valueFloor;

    /**
     * Larger |x| or |y| is refused: an interpolant evaluated back at such a point can round past
     * Double.MAX_VALUE (found by fuzzing: y = -MAX_VALUE came back as -Infinity).
     */
    public static final double MAX_MAGNITUDE = Double.MAX_VALUE / 8;

    /**
     * Data whose y all lie below this (but not all zero), or with two x closer than this, are
     * refused: their differences are subnormal, with too few significant bits for the slopes
     * (found by fuzzing: data at 2e-308 came back 100% off). Single tiny values among larger
     * ones are fine (they are zero to the data's precision).
     */
    static final double MIN_MAGNITUDE = 0x1p-970;

    ChordGeometry(Dataset1D data, double tolerance) {
        this(data, tolerance, 0);
    }

    ChordGeometry(Dataset1D data, double tolerance, double valueFloor) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tolerance);
        }
        if (!(valueFloor >= 0) || Double.isInfinite(valueFloor)) {
            throw new IllegalArgumentException("value floor must be finite and >= 0: " + valueFloor);
        }
        this.valueFloor = valueFloor;
        n = data.size();
        x = data.xs();
        y = data.ys();
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[i]) > MAX_MAGNITUDE || Math.abs(y[i]) > MAX_MAGNITUDE) {
                throw new InvalidDataException("the point (" + x[i] + ", " + y[i] + ") is within a factor 8 of the largest double: "
                        + "the interpolant's values could round past it; rescale the data");
            }
            if (i > 0 && x[i] - x[i - 1] < MIN_MAGNITUDE) {
                throw new InvalidDataException("x = " + x[i - 1] + " and x = " + x[i] + " are closer than " + MIN_MAGNITUDE
                        + ", where doubles lose significant digits (the slope between them is noise): rescale the data");
            }
        }
        double yMax = 0;
        for (double v : y) {
            yMax = Math.max(yMax, Math.abs(v));
        }
        if (yMax > 0 && yMax < MIN_MAGNITUDE) {
            throw new InvalidDataException("every |y| is below " + MIN_MAGNITUDE
                    + ", where doubles lose significant digits (the interpolant would miss the data): rescale the data");
        }
        s = new double[Math.max(n - 1, 0)];
        double[] err = new double[s.length];
        for (int j = 0; j + 1 < n; j++) {
            double h = x[j + 1] - x[j];
            s[j] = (y[j + 1] - y[j]) / h;
            err[j] = (magnitude(y[j]) + magnitude(y[j + 1])) / h + Math.abs(s[j]) * ((Math.abs(x[j]) + Math.abs(x[j + 1])) / h);
            if (!Double.isFinite(s[j]) || !Double.isFinite(err[j])) {
                throw new InvalidDataException("slope between x = " + x[j] + " and x = " + x[j + 1]
                        + " overflows (y = " + y[j] + ", " + y[j + 1] + "): rescale the data");
            }
        }
        a = new double[n];
        sign = new byte[n];
        for (int i = 1; i + 1 < n; i++) {
            double ai = s[i] - s[i - 1];
            if (!Double.isFinite(ai)) {
                throw new InvalidDataException("curvature at x = " + x[i] + " overflows: rescale the data");
            }
            a[i] = ai;
            sign[i] = Math.abs(ai) <= tolerance * (err[i - 1] + err[i]) ? 0 : (byte) (ai > 0 ? 1 : -1);
        }
        keepDroppedCurvaturesFromAddingUp(tolerance);
    }

    /**
     * Across a stretch of points whose curvatures were each small enough to drop, the interpolant
     * follows one line (the chord entering the stretch), and the dropped curvatures add up: over
     * 20 nearly collinear points the fuzzer found a point 1e-9 of max|y| off. So the stretch is
     * walked, and where the next point would lie further from the followed line than one
     * curvature may move it (2 tolerance times the magnitudes of the values involved), the last
     * dropped curvature is kept after all, and a new line starts there.
     */
    private void keepDroppedCurvaturesFromAddingUp(double tolerance) {
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
            double deviation = Math.abs(y[start] + slope * dx - y[j + 1]);
            double bound = 2 * tolerance * (magnitude(y[start]) + magnitude(y[j + 1]) + Math.abs(slope) * (Math.abs(x[start]) + Math.abs(x[j + 1])));
            if (deviation > bound && lastNonzero >= 0) {
                sign[lastNonzero] = (byte) (a[lastNonzero] > 0 ? 1 : -1);
                j = lastNonzero; // continue after the kept curvature: a new stretch, a new line
                start = -1;
            }
        }
    }

    private double magnitude(double v) {
        return Math.max(Math.abs(v), valueFloor);
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
