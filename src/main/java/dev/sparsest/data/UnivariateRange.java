package dev.sparsest.data;

/**
 * The one check of magnitudes that every univariate entry point runs before solving (fit,
 * threshold, path, tube, train): data that doubles cannot answer for are refused the same way
 * everywhere, with the values named and the way out ("rescale the data").
 *
 * <p>Refused, for x strictly increasing:
 * <ul>
 *   <li>|x| or |y| above {@link #MAX_MAGNITUDE}: an interpolant evaluated back at such a point can
 *       round past the largest double;</li>
 *   <li>two x closer than {@link #MIN_MAGNITUDE}, or all |y| below it but not all zero: their
 *       differences are subnormal, with too few significant bits for a slope;</li>
 *   <li>a chord slope (y_{i+1} - y_i) / (x_{i+1} - x_i) that overflows, or that underflows below the
 *       least normal double while y_{i+1} != y_i (x ~ 1e149 with y ~ 1e-251): the slope would lose
 *       its digits or become 0, and a solver would see collinear data that are not;</li>
 *   <li>a difference of two consecutive slopes (a curvature) that overflows.</li>
 * </ul>
 */
public final class UnivariateRange {
    /** Larger |x| or |y| is refused (found by fuzzing: y = -MAX_VALUE came back as -Infinity). */
    public static final double MAX_MAGNITUDE = Double.MAX_VALUE / 8;

    /**
     * Gaps in x below this, or data whose |y| all lie below it, are refused (found by fuzzing:
     * data at 2e-308 came back 100% off). Single tiny values among larger ones are fine.
     */
    public static final double MIN_MAGNITUDE = 0x1p-970;

    private UnivariateRange() {
    }

    /**
     * Refuses (with an {@link InvalidDataException}) what doubles cannot solve; {@code x} strictly
     * increasing, both arrays finite and of one length.
     */
    public static void require(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        require(x, y, x.length);
    }

    /** As {@link #require(double[], double[])} for the first {@code n} points of longer arrays. */
    public static void require(double[] x, double[] y, int n) {
        double yMax = 0;
        for (int i = 0; i < n; i++) {
            requirePoint(x[i], y[i]);
            yMax = Math.max(yMax, Math.abs(y[i]));
        }
        requireScale(yMax);
        double previousSlope = 0;
        for (int i = 1; i < n; i++) {
            previousSlope = requireChord(x[i - 1], x[i], y[i - 1], y[i], i > 1, previousSlope);
        }
    }

    /**
     * The first of the three steps of {@link #require(double[], double[], int)}, for solvers that
     * fuse them into their own passes (in this order): every point's magnitude.
     */
    public static void requirePoint(double x, double y) {
        if (Math.abs(x) > MAX_MAGNITUDE || Math.abs(y) > MAX_MAGNITUDE) {
            throw new InvalidDataException("the point (" + x + ", " + y + ") is within a factor 8 of the largest double: "
                    + "the interpolant's values could round past it; rescale the data");
        }
    }

    /** The second step: max |y| over all points, {@code yMax}, is not in the subnormal range. */
    public static void requireScale(double yMax) {
        if (yMax > 0 && yMax < MIN_MAGNITUDE) {
            throw new InvalidDataException("every |y| is below " + MIN_MAGNITUDE
                    + ", where doubles lose significant digits (the interpolant would miss the data): rescale the data");
        }
    }

    /**
     * The third step, for each chord left to right, x0 &lt; x1: its gap and slope, and with
     * {@code checkCurvature} its slope's difference from the previous chord's. Returns the slope
     * (y1 - y0) / (x1 - x0), rounded as doubles round it.
     */
    public static double requireChord(double x0, double x1, double y0, double y1, boolean checkCurvature, double previousSlope) {
        double h = x1 - x0;
        if (h < MIN_MAGNITUDE) {
            throw new InvalidDataException("x = " + x0 + " and x = " + x1 + " are closer than " + MIN_MAGNITUDE
                    + ", where doubles lose significant digits (the slope between them is noise): rescale the data");
        }
        double dy = y1 - y0;
        double signedSlope = dy / h;
        double slope = Math.abs(signedSlope);
        if (!(slope <= Double.MAX_VALUE)) {
            throw new InvalidDataException("the slope between x = " + x0 + " and x = " + x1
                    + " overflows a double (y = " + y0 + ", " + y1 + "): rescale the data");
        }
        if (dy != 0 && slope < Double.MIN_NORMAL) {
            throw new InvalidDataException("the slope between x = " + x0 + " and x = " + x1
                    + " underflows a double (y = " + y0 + ", " + y1 + ": " + Math.abs(dy) + " over " + h
                    + "), so it would lose its digits: rescale the data");
        }
        if (checkCurvature && !Double.isFinite(signedSlope - previousSlope)) {
            throw new InvalidDataException("the curvature at x = " + x0 + " overflows a double: rescale the data");
        }
        return signedSlope;
    }
}
