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
            if (Math.abs(x[i]) > MAX_MAGNITUDE || Math.abs(y[i]) > MAX_MAGNITUDE) {
                throw new InvalidDataException("the point (" + x[i] + ", " + y[i] + ") is within a factor 8 of the largest double: "
                        + "the interpolant's values could round past it; rescale the data");
            }
            yMax = Math.max(yMax, Math.abs(y[i]));
        }
        if (yMax > 0 && yMax < MIN_MAGNITUDE) {
            throw new InvalidDataException("every |y| is below " + MIN_MAGNITUDE
                    + ", where doubles lose significant digits (the interpolant would miss the data): rescale the data");
        }
        double previousSlope = 0;
        for (int i = 1; i < n; i++) {
            double h = x[i] - x[i - 1];
            if (h < MIN_MAGNITUDE) {
                throw new InvalidDataException("x = " + x[i - 1] + " and x = " + x[i] + " are closer than " + MIN_MAGNITUDE
                        + ", where doubles lose significant digits (the slope between them is noise): rescale the data");
            }
            double dy = y[i] - y[i - 1];
            double signedSlope = dy / h;
            double slope = Math.abs(signedSlope);
            if (!(slope <= Double.MAX_VALUE)) {
                throw new InvalidDataException("the slope between x = " + x[i - 1] + " and x = " + x[i]
                        + " overflows a double (y = " + y[i - 1] + ", " + y[i] + "): rescale the data");
            }
            if (dy != 0 && slope < Double.MIN_NORMAL) {
                throw new InvalidDataException("the slope between x = " + x[i - 1] + " and x = " + x[i]
                        + " underflows a double (y = " + y[i - 1] + ", " + y[i] + ": " + Math.abs(dy) + " over " + h
                        + "), so it would lose its digits: rescale the data");
            }
            if (i > 1 && !Double.isFinite(signedSlope - previousSlope)) {
                throw new InvalidDataException("the curvature at x = " + x[i - 1] + " overflows a double: rescale the data");
            }
            previousSlope = signedSlope;
        }
    }
}
