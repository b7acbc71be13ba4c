package dev.sparsest.kernel;

/** The residual step of the 1-D loss kernels, shared by both implementations. */
final class Residuals {
    private Residuals() {
    }

    /**
     * With f in work[0, n): writes g_i = 2 (f_i - y_i) / n over it and g_i x_i to work[n, 2n),
     * sets gSkip = {sum g x, sum g} (the skip-term gradients) and returns the MSE.
     */
    static double of(double[] x, double[] y, int n, double[] work, double[] gSkip) {
        double sse = 0;
        double ga = 0;
        double gc = 0;
        double scale = 2.0 / n;
        for (int i = 0; i < n; i++) {
            double r = work[i] - y[i];
            sse += r * r;
            double g = scale * r;
            work[i] = g;
            work[n + i] = g * x[i];
            ga += work[n + i];
            gc += g;
        }
        gSkip[0] = ga;
        gSkip[1] = gc;
        return sse / n;
    }

    /** Float variant; the loss is summed in double. */
    static float of(float[] x, float[] y, int n, float[] work, float[] gSkip) {
        double sse = 0;
        float ga = 0;
        float gc = 0;
        float scale = 2.0f / n;
        for (int i = 0; i < n; i++) {
            float r = work[i] - y[i];
            sse += (double) r * r;
            float g = scale * r;
            work[i] = g;
            work[n + i] = g * x[i];
            ga += work[n + i];
            gc += g;
        }
        gSkip[0] = ga;
        gSkip[1] = gc;
        return (float) (sse / n);
    }
}
