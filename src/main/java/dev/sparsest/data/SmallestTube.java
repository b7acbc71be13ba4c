package dev.sparsest.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The least tolerance that lets one function pass within it of every row when rows repeat an x
 * with different y: the largest half-spread of y at one x, computed exactly and rounded up (to
 * 12 digits and a double) so that rows at x fit: max y - eps &lt;= min y + eps.
 */
final class SmallestTube {
    private SmallestTube() {
    }

    /** The least eps for rows {@code x}, {@code y} taken in {@code order} (sorted by x); 0 when no x repeats. */
    static double tolerance(double[] x, double[] y, int[] order) {
        double least = 0;
        int k = 0;
        while (k < order.length) {
            double at = x[order[k]];
            double min = y[order[k]];
            double max = min;
            int next = k + 1;
            while (next < order.length && x[order[next]] == at) {
                min = Math.min(min, y[order[next]]);
                max = Math.max(max, y[order[next]]);
                next++;
            }
            if (max > min) {
                least = Math.max(least, leastFor(min, max));
            }
            k = next;
        }
        return least;
    }

    /**
     * (max - min) / 2 computed exactly, then rounded up to 12 significant digits and to a double
     * at or above it: a value a person can type (0.3, not the 0.2999999999999998 that 3.3 - 2.7
     * is in binary) that the tube test accepts (rounding is monotone, so max - eps &lt;= min + eps
     * holds in doubles whenever it holds exactly), at most 1e-11 relative above the least.
     */
    private static double leastFor(double min, double max) {
        BigDecimal half = new BigDecimal(max).subtract(new BigDecimal(min)).divide(BigDecimal.valueOf(2));
        double eps = half.round(new MathContext(12, RoundingMode.CEILING)).doubleValue();
        if (Double.isInfinite(eps)) {
            eps = half.doubleValue(); // 12 digits rounded up past the largest double (found by fuzzing)
        }
        return Double.isFinite(eps) && new BigDecimal(eps).compareTo(half) < 0 ? Math.nextUp(eps) : eps;
    }

    /** The sentence the refusals append: what tolerance would work, and the other way out. */
    static String advice(double eps) {
        return "a tolerance of at least " + eps + " (half the largest spread of y at one x) lets one function pass"
                + " within it of every row (the tube fit: sparsest fit --tube " + eps + ", or TubeSolver),"
                + " or fit the rows by penalized least squares (sparsest fit --lambda L, or PenalizedSolver)";
    }
}
