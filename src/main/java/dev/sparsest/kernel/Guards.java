package dev.sparsest.kernel;

/**
 * Terms that are +0 for finite inputs and NaN otherwise: 0 * (sum of absolute values) is NaN
 * exactly when some value is NaN or infinite (or the sum overflows). Added to every output, they
 * make any non-finite input visible as NaN instead of being masked away by relu, the same way on
 * both implementations.
 */
final class Guards {
    private Guards() {
    }

    static double parameters(double[] w, double[] b, double[] v, int k, double a, double c) {
        double s = Math.abs(a) + Math.abs(c);
        for (int j = 0; j < k; j++) {
            s += Math.abs(w[j]) + Math.abs(b[j]) + Math.abs(v[j]);
        }
        return 0.0 * s;
    }

    static float parameters(float[] w, float[] b, float[] v, int k, float a, float c) {
        float s = Math.abs(a) + Math.abs(c);
        for (int j = 0; j < k; j++) {
            s += Math.abs(w[j]) + Math.abs(b[j]) + Math.abs(v[j]);
        }
        return 0.0f * s;
    }

    /** For d-D: the weight rows (bias included) and the output weights. */
    static double parameters(double[] wRows, int count, double[] v, int k) {
        double s = 0;
        for (int e = 0; e < count; e++) {
            s += Math.abs(wRows[e]);
        }
        for (int j = 0; j < k; j++) {
            s += Math.abs(v[j]);
        }
        return 0.0 * s;
    }

    /** For one data row of d inputs at offset off. */
    static double row(double[] x, int off, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            s += Math.abs(x[off + t]);
        }
        return 0.0 * s;
    }
}
