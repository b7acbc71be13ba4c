package dev.sparsest.numeric;

/**
 * The evaluation tables of a univariate network in knot form: its value at each knot and its
 * slope right of each knot. Shared by the immutable network and the allocation-free exact fitter
 * so that both evaluate bit for bit alike. Internal to the library (not part of its API).
 *
 * <p>The value and slope chains are carried in double-double and rounded once per entry: carried
 * from knot to knot in plain doubles, their rounding grew with the number of knots and with the
 * values' offset (an interpolant of sin(x) + 1e12 at 10^5 points missed by 2e-3).
 */
public final class KnotTables {
    private KnotTables() {
    }

    /**
     * Fills {@code valueAtKnot[0..count)} and {@code slopeAfterKnot[0..count)} for
     * f(x) = anchorY + slope (x - anchorX) + sum_k c_k relu(x - u_k), knots increasing. Returns
     * the first knot index whose value or slope is not finite (both entries are written), or -1.
     */
    public static int fill(double[] knots, double[] slopeChanges, int count, double slope, double anchorX,
                           double anchorY, double[] valueAtKnot, double[] slopeAfterKnot) {
        double valueHigh = count == 0 ? 0 : anchorY;
        double valueLow = 0;
        double slopeHigh = slope;
        double slopeLow = 0;
        double previous = anchorX;
        for (int j = 0; j < count; j++) {
            double step = knots[j] - previous;
            double stepLow = TwoSum.differenceError(knots[j], previous, step);
            double product = slopeHigh * step;
            double productLow = Math.fma(slopeHigh, step, -product) + (slopeHigh * stepLow + slopeLow * step);
            double sum = valueHigh + product;
            valueLow += TwoSum.sumError(valueHigh, product, sum) + productLow;
            valueHigh = sum;
            double newSlope = slopeHigh + slopeChanges[j];
            slopeLow += TwoSum.sumError(slopeHigh, slopeChanges[j], newSlope);
            slopeHigh = newSlope;
            double value = valueHigh + valueLow;
            double s = slopeHigh + slopeLow;
            valueAtKnot[j] = value;
            slopeAfterKnot[j] = s;
            if (!Double.isFinite(value) || !Double.isFinite(s)) {
                return j;
            }
            previous = knots[j];
        }
        return -1;
    }
}
