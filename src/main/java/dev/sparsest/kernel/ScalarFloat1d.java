package dev.sparsest.kernel;

/** The reference float 1-D kernels, as {@link ScalarLoss1d} in float (benchmark-facing: {@link Float1dKernels}). */
final class ScalarFloat1d implements Float1dKernels {
    static final ScalarFloat1d INSTANCE = new ScalarFloat1d();

    private ScalarFloat1d() {
    }

    @Override
    public void forward(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out) {
        forwardTail(x, 0, n, w, b, v, k, a, c, Guards.parameters(w, b, v, k, a, c), out);
    }

    void forwardTail(float[] x, int from, int n, float[] w, float[] b, float[] v, int k, float a, float c,
                       float guard, float[] out) {
        for (int i = from; i < n; i++) {
            float xi = x[i];
            float s = 0;
            for (int j = 0; j < k; j++) {
                float t = Math.fma(w[j], xi, b[j]);
                if (t > 0) {
                    s = Math.fma(t, v[j], s);
                }
            }
            out[i] = Math.fma(xi, a, c) + s + xi * 0.0f + guard;
        }
    }

    @Override
    public float lossGrad(float[] x, float[] y, int n, float[] w, float[] b, float[] v, int k, float a, float c,
                            float[] gw, float[] gb, float[] gv, float[] gSkip, float[] work) {
        float[] g = work;
        forward(x, n, w, b, v, k, a, c, g);
        float loss = Residuals.of(x, y, n, work, gSkip);
        for (int j = 0; j < k; j++) {
            float s1 = 0;
            float sx = 0;
            float wj = w[j];
            float bj = b[j];
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
