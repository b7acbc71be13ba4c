package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;

/**
 * At most K knots, the least maximum error: the smallest tolerance eps (a double) for which the
 * tube fit ({@link TubeSolver}: fewest knots with |f(x_i) - y_i| &lt;= eps) needs at most K
 * knots, and that fit. Found by bisection over the bit patterns of the non-negative doubles (they
 * order as the values do), so it ends on two neighbouring doubles, the larger feasible: about 64
 * tube solves of O(N) each. The fewest knots only fall as eps grows, and a constant is within half
 * the range of y of every point, so the search always ends. Exact up to the tube solver's own
 * widening of every tube (about 1e-11 of the y range for spread-out x): the eps found can lie
 * that much below the true breakpoint, never more (e.g. 0.49999999998825 where 1/2 is exact).
 *
 * <p>Rows at one x: their y must all fit in one tube, so eps starts from half the largest spread of
 * y at one x. Stateless; safe to share between threads.
 */
public final class KnotBudget {
    private final TubeSolver tubes = new TubeSolver();

    /** The least eps, the budget and the fit at that eps. */
    public record Fit(int maxKnots, double eps, TubeFit tube) {
        /** The fitted network's knots (at most {@code maxKnots}). */
        public int knots() {
            return tube.minimumKnots();
        }
    }

    public Fit solve(double[] x, double[] y, int maxKnots) {
        if (maxKnots < 0) {
            throw new IllegalArgumentException("the knot budget must be >= 0: " + maxKnots);
        }
        NoisyData exact = NoisyData.of(x, y, 0); // validates x and y once, with their messages
        exact.requireTwoPoints();
        double lo = 0;
        TubeFit atZero = fitOrNull(x, y, 0);
        if (atZero != null && atZero.minimumKnots() <= maxKnots) {
            return new Fit(maxKnots, 0, atZero);
        }
        double hi = Math.max(halfRange(y), Double.MIN_NORMAL);
        TubeFit atHi = fitOrNull(x, y, hi);
        for (int doubling = 0; (atHi == null || atHi.minimumKnots() > maxKnots); doubling++) {
            if (doubling > 60 || !Double.isFinite(2 * hi)) {
                throw new InvalidDataException("no tolerance up to " + hi + " fits these data with " + maxKnots
                        + " knot(s) at these magnitudes; rescale the data");
            }
            lo = hi;
            hi *= 2;
            atHi = fitOrNull(x, y, hi);
        }
        long loBits = Double.doubleToRawLongBits(lo);
        long hiBits = Double.doubleToRawLongBits(hi);
        while (hiBits - loBits > 1) {
            long midBits = loBits + (hiBits - loBits) / 2;
            TubeFit mid = fitOrNull(x, y, Double.longBitsToDouble(midBits));
            if (mid != null && mid.minimumKnots() <= maxKnots) {
                hiBits = midBits;
                atHi = mid;
            } else {
                loBits = midBits;
            }
        }
        return new Fit(maxKnots, Double.longBitsToDouble(hiBits), atHi);
    }

    /**
     * The tube fit at eps, or null where rows at one x do not fit one tube of that width. The
     * bisection lands on tolerances where the feasible lines shrink to a point or a segment: the
     * tube solver takes those (its {@code tightestWall}).
     */
    private TubeFit fitOrNull(double[] x, double[] y, double eps) {
        NoisyData d = NoisyData.of(x, y, eps);
        try {
            d.requireTube();
        } catch (InvalidDataException e) {
            return null;
        }
        return tubes.solve(d);
    }

    private static double halfRange(double[] y) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max / 2 - min / 2;
    }
}
