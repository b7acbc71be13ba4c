package dev.sparsest.exact;

import dev.sparsest.numeric.TwoSum;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Decides whether three consecutive points are collinear, |a| &lt;= tol (|s_1| + |s_2|), exactly.
 *
 * <p>Slopes are computed in double-double from the exact differences of the data (TwoSum, and a
 * division with an fma remainder), so a slope is within about 6 u^2 of itself (u = 2^-53) and a
 * curvature, rounded once, within u |a| + 12 u^2 (|s_1| + |s_2|). Only when that error could put
 * |a| on the other side of the threshold is the test redone in exact rational arithmetic on the
 * data (BigDecimal: every double is a finite decimal), which happens for exactly collinear points
 * and for curvatures within a few ulps of the tolerance. Not thread-safe: one per geometry.
 */
final class Collinearity {
    private static final double U = 0x1p-53;

    private final double tolerance;
    private final double valueFloor;
    /** The tolerance as an exact decimal, made on first need (costly, and rarely needed). */
    private BigDecimal exactTolerance;
    private double slopeLow;
    /** The curvature from the last exact comparison, or NaN when the last test did not need it. */
    private double exactCurvature = Double.NaN;

    Collinearity(double tolerance, double valueFloor) {
        this.tolerance = tolerance;
        this.valueFloor = valueFloor;
    }

    /**
     * The slope (y1 - y0) / (x1 - x0) correctly rounded (the data are exact, x1 > x0);
     * {@link #slopeLow()} is what rounding left over.
     */
    double slope(double x0, double x1, double y0, double y1) {
        return slope(x0, x1, y0, y1, (y1 - y0) / (x1 - x0));
    }

    /** As {@link #slope(double, double, double, double)} given q = (y1 - y0) / (x1 - x0) in doubles. */
    double slope(double x0, double x1, double y0, double y1, double q) {
        double dyHigh = y1 - y0;
        double dyLow = TwoSum.differenceError(y1, y0, dyHigh);
        double dxHigh = x1 - x0;
        double dxLow = TwoSum.differenceError(x1, x0, dxHigh);
        // dyHigh - q dxHigh is exact with an fma (the remainder of a correctly rounded quotient)
        double remainder = Math.fma(-q, dxHigh, dyHigh) + dyLow - q * dxLow;
        double correction = remainder / dxHigh;
        double high = q + correction;
        slopeLow = correction - (high - q);
        return high;
    }

    /** The low part of the last {@link #slope}: slope = high + low to about 6 u^2 of itself. */
    double slopeLow() {
        return slopeLow;
    }

    /** (s2 + l2) - (s1 + l1), rounded once. */
    static double curvature(double s1, double l1, double s2, double l2) {
        double high = s2 - s1;
        return high + (TwoSum.differenceError(s2, s1, high) + (l2 - l1));
    }

    /**
     * The sign of the curvature {@code a} at (x1, y1) after the test: 0 when the points count as
     * collinear. {@code s1}, {@code s2} are the chord slopes either side.
     */
    byte sign(double a, double s1, double s2, double x0, double x1, double x2, double y0, double y1, double y2) {
        exactCurvature = Double.NaN;
        if (s1 == 0 && s2 == 0) {
            return 0; // both differences of y are exactly 0 (a nonzero slope is a normal double: UnivariateRange)
        }
        double scale = Math.abs(s1) + Math.abs(s2);
        if (valueFloor > 0) {
            scale += 2 * valueFloor * (1 / (x1 - x0) + 1 / (x2 - x1));
        }
        double threshold = tolerance * scale;
        double magnitude = Math.abs(a);
        double error = 2 * U * magnitude + 4 * U * threshold + 32 * U * U * scale + 0x1p-1070;
        if (magnitude < threshold - error) {
            return 0;
        }
        // below 16 u of the slopes double-double keeps fewer digits of a than a double has; and a
        // difference of y below 2^-969 leaves the fma remainder of its slope in subnormal range,
        // where the low part keeps too few digits for the bound above (a reviewer's finding)
        if (magnitude > threshold + error && magnitude >= 16 * U * scale
                && !subnormalRange(y1 - y0) && !subnormalRange(y2 - y1)) {
            return (byte) (a > 0 ? 1 : -1);
        }
        return exactSign(x0, x1, x2, y0, y1, y2);
    }

    private static boolean subnormalRange(double difference) {
        return difference != 0 && Math.abs(difference) < 0x1p-969;
    }

    /**
     * The curvature to use for a point after {@link #sign}: the exact one rounded where the test
     * needed exact arithmetic (double-double loses digits on curvatures below u^2 of the slopes),
     * whichever the sign.
     */
    double refined(double a) {
        return Double.isNaN(exactCurvature) ? a : exactCurvature;
    }

    /**
     * The test multiplied through by dx1 dx2 &gt; 0: |dy2 dx1 - dy1 dx2| against
     * tol (|dy1| dx2 + |dy2| dx1 + 2 v (dx1 + dx2)), all exact.
     */
    private byte exactSign(double x0, double x1, double x2, double y0, double y1, double y2) {
        BigDecimal dx1 = new BigDecimal(x1).subtract(new BigDecimal(x0));
        BigDecimal dx2 = new BigDecimal(x2).subtract(new BigDecimal(x1));
        BigDecimal dy1 = new BigDecimal(y1).subtract(new BigDecimal(y0));
        BigDecimal dy2 = new BigDecimal(y2).subtract(new BigDecimal(y1));
        BigDecimal cross = dy2.multiply(dx1).subtract(dy1.multiply(dx2));
        if (cross.signum() == 0) {
            exactCurvature = 0;
            return 0;
        }
        exactCurvature = cross.divide(dx1.multiply(dx2), MathContext.DECIMAL128).doubleValue();
        BigDecimal scale = dy1.abs().multiply(dx2).add(dy2.abs().multiply(dx1));
        if (valueFloor > 0) {
            scale = scale.add(new BigDecimal(2 * valueFloor).multiply(dx1.add(dx2)));
        }
        if (exactTolerance == null) {
            exactTolerance = new BigDecimal(tolerance);
        }
        if (cross.abs().compareTo(exactTolerance.multiply(scale)) <= 0) {
            return 0;
        }
        return (byte) cross.signum();
    }
}
