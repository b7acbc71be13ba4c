package dev.sparsest.prop;

import java.math.BigDecimal;

/**
 * Affine maps v -&gt; alpha v + beta of test data, applied only where every result is exact in
 * doubles (checked in exact arithmetic), so that a solver's answer on the mapped data can be
 * required to equal its answer on the original.
 */
public final class ExactMaps {
    private ExactMaps() {
    }

    /** Whether alpha v_i + beta, computed in doubles, is exact and finite for every i (and within 1e-250..1e250 unless 0). */
    public static boolean isExact(double[] v, double alpha, double beta) {
        BigDecimal a = new BigDecimal(alpha);
        BigDecimal b = new BigDecimal(beta);
        for (double value : v) {
            if (!Double.isFinite(value)) {
                return false;
            }
            double t = alpha * value + beta;
            if (!Double.isFinite(t) || Math.abs(t) > 1e250 || (t != 0 && Math.abs(t) < 1e-250)
                    || a.multiply(new BigDecimal(value)).add(b).compareTo(new BigDecimal(t)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Adds the offset to every value in place when that is exact; returns whether it did. */
    public static boolean shiftIfExact(double[] v, double offset) {
        if (!isExact(v, 1, offset)) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] += offset;
        }
        return true;
    }
}
