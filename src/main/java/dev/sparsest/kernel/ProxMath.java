package dev.sparsest.kernel;

/** The reweighted threshold of the proximal step and its soft thresholding. */
final class ProxMath {
    private ProxMath() {
    }

    static void checkExponent(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1]: " + p);
        }
    }

    /**
     * The threshold lambdaLr * p * |qPrev|^(p-1): lp for p = 1, +Inf for qPrev = 0 and p &lt; 1
     * (exp(+Inf)), NaN for NaN.
     */
    static double threshold(double qPrev, double lp, double p) {
        if (p == 1) {
            return lp;
        }
        // a zero product stays zero (infinite threshold, what exp(log) gives too): most products
        // of a sparse d-D network are zero, and their log and exp were a fifth of a paper epoch
        return qPrev == 0 ? Double.POSITIVE_INFINITY : lp * Math.exp((p - 1) * Math.log(Math.abs(qPrev)));
    }

    /** sign(q) max(|q| - t, 0); NaN stays NaN (so a broken state is not silently zeroed). */
    static double softThreshold(double q, double t) {
        double d = Math.abs(q) - t;
        return d <= 0 ? 0.0 : Math.copySign(d, q);
    }
}
