package dev.sparsest.kernel;

/**
 * The reference 1-D loss kernels: plain loops, the arithmetic of {@link Loss1dKernels} written out
 * once. The vector implementation must agree with it (tests compare them at awkward lengths).
 */
final class ScalarLoss1d implements Loss1dKernels {
    static final ScalarLoss1d INSTANCE = new ScalarLoss1d();

    private ScalarLoss1d() {
    }

    /**
     * f(x_i) = (a x_i + c) + sum_k [w_k x_i + b_k &gt; 0] v_k (w_k x_i + b_k), the neurons summed in
     * order with fused multiply-adds, then the non-finite guards (see {@link Guards}).
     */
    @Override
    public void forward(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
        forwardTail(x, 0, n, w, b, v, k, a, c, Guards.parameters(w, b, v, k, a, c), out);
    }

    /** The reference forward pass for points from..n-1 (also the vector implementation's tail). */
    void forwardTail(double[] x, int from, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                       double guard, double[] out) {
        for (int i = from; i < n; i++) {
            double xi = x[i];
            double s = 0;
            for (int j = 0; j < k; j++) {
                double t = Math.fma(w[j], xi, b[j]);
                if (t > 0) {
                    s = Math.fma(t, v[j], s);
                }
            }
            out[i] = Math.fma(xi, a, c) + s + xi * 0.0 + guard;
        }
    }

    /**
     * With g_i = 2 (f_i - y_i) / n and the active set A_k = {i : w_k x_i + b_k &gt; 0}:
     * S1_k = sum_{A_k} g_i, Sx_k = sum_{A_k} g_i x_i; then dL/dw_k = v_k Sx_k, dL/db_k = v_k S1_k,
     * dL/dv_k = w_k Sx_k + b_k S1_k (= sum g relu(w x + b)), dL/da = sum g x, dL/dc = sum g.
     */
    @Override
    public double lossGrad(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                             double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work) {
        double[] g = work;
        forward(x, n, w, b, v, k, a, c, g);
        double loss = Residuals.of(x, y, n, work, gSkip);
        for (int j = 0; j < k; j++) {
            double s1 = 0;
            double sx = 0;
            double wj = w[j];
            double bj = b[j];
            for (int i = 0; i < n; i++) {
                if (Math.fma(wj, x[i], bj) > 0) {
                    s1 += g[i];
                    sx += work[n + i];
                }
            }
            gw[j] = v[j] * sx;
            gb[j] = v[j] * s1;
            gv[j] = wj * sx + bj * s1;
        }
        return loss;
    }
}
