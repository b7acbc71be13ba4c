package dev.sparsest.kernel;

import dev.sparsest.numeric.PreActivation;

/**
 * The reference implementation: plain loops, the arithmetic of {@link Kernels} written out once.
 * The vector implementation must agree with it (tests compare them at awkward lengths).
 */
public final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    /** The shared instance. */
    public static ScalarKernels instance() {
        return INSTANCE;
    }

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    // ---------------------------------------------------------------- 1-D

    /**
     * f(x_i) = (a x_i + c) + sum_k [w_k x_i + b_k &gt; 0] v_k (w_k x_i + b_k), the neurons summed in
     * order with fused multiply-adds, then the non-finite guards (see {@link Guards}).
     */
    @Override
    public void forward1d(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
        forward1dTail(x, 0, n, w, b, v, k, a, c, Guards.parameters(w, b, v, k, a, c), out);
    }

    /** The reference forward pass for points from..n-1 (also the vector implementation's tail). */
    void forward1dTail(double[] x, int from, int n, double[] w, double[] b, double[] v, int k, double a, double c,
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

    @Override
    public void forward1d(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out) {
        forward1dTail(x, 0, n, w, b, v, k, a, c, Guards.parameters(w, b, v, k, a, c), out);
    }

    void forward1dTail(float[] x, int from, int n, float[] w, float[] b, float[] v, int k, float a, float c,
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

    /**
     * With g_i = 2 (f_i - y_i) / n and the active set A_k = {i : w_k x_i + b_k &gt; 0}:
     * S1_k = sum_{A_k} g_i, Sx_k = sum_{A_k} g_i x_i; then dL/dw_k = v_k Sx_k, dL/db_k = v_k S1_k,
     * dL/dv_k = w_k Sx_k + b_k S1_k (= sum g relu(w x + b)), dL/da = sum g x, dL/dc = sum g.
     */
    @Override
    public double lossGrad1d(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                             double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work) {
        double[] g = work;
        forward1d(x, n, w, b, v, k, a, c, g);
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

    @Override
    public float lossGrad1d(float[] x, float[] y, int n, float[] w, float[] b, float[] v, int k, float a, float c,
                            float[] gw, float[] gb, float[] gv, float[] gSkip, float[] work) {
        float[] g = work;
        forward1d(x, n, w, b, v, k, a, c, g);
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

    // ---------------------------------------------------------------- d-D

    /** Pre-activations (n k), then residual gradients (n). */
    @Override
    public int workNd(int n, int d, int k) {
        return n * k + n;
    }

    @Override
    public void forwardNd(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work) {
        int stride = d + 1;
        double guard = Guards.parameters(wRows, k * stride, v, k);
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < k; j++) {
                double z = preActivation(x, i, d, wRows, j * stride);
                f += v[j] * (0.5 * (z + Math.abs(z)));
            }
            out[i] = f + Guards.row(x, i * d, d) + guard;
        }
    }

    /** W_j . [x_i; 1] by the one definition ({@link PreActivation}), as the vector implementation accumulates it. */
    private static double preActivation(double[] x, int i, int d, double[] wRows, int row) {
        return PreActivation.of(wRows, row, x, i * d, d);
    }

    /**
     * With g_i = 2 (f_i - y_i) / n: dL/dv_j = sum_i g_i relu(z_ij), dL/dW_j = sum_i g_i v_j 1[z_ij &gt; 0] [x_i; 1].
     * Work: the pre-activations z (n k), then the residual gradients g (n).
     */
    @Override
    public double lossGradNd(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
                             double[] gW, double[] gv, double[] work) {
        int stride = d + 1;
        int gOff = n * k;
        double guard = Guards.parameters(wRows, k * stride, v, k);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < k; j++) {
                double z = preActivation(x, i, d, wRows, j * stride);
                work[i * k + j] = z;
                f += v[j] * (0.5 * (z + Math.abs(z)));
            }
            f = f + Guards.row(x, i * d, d) + guard;
            double r = f - y[i];
            sse += r * r;
            work[gOff + i] = 2.0 * r / n;
        }
        java.util.Arrays.fill(gW, 0, k * stride, 0.0);
        java.util.Arrays.fill(gv, 0, k, 0.0);
        for (int i = 0; i < n; i++) {
            double gi = work[gOff + i];
            int xo = i * d;
            for (int j = 0; j < k; j++) {
                double z = work[i * k + j];
                gv[j] += gi * (0.5 * (z + Math.abs(z)));
                if (z > 0) {
                    double dz = gi * v[j];
                    int row = j * stride;
                    for (int t = 0; t < d; t++) {
                        gW[row + t] += dz * x[xo + t];
                    }
                    gW[row + d] += dz;
                }
            }
        }
        return sse / n;
    }

    // ---------------------------------------------------------------- norms and counts

    @Override
    public double pathNorm(double[] v, double[] w, int k, int m, double p) {
        PowMath.checkExponent(p);
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            for (int t = 0; t < m; t++) {
                double q = Math.abs(vj * w[j * m + t]);
                sum += p == 1 ? q : PowMath.pow(q, p);
            }
        }
        return sum;
    }

    @Override
    public int countNonzero(double[] v, double[] w, int k, int m, double threshold) {
        int count = 0;
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < m; t++) {
                if (Math.abs(v[j] * w[j * m + t]) > threshold) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public int countActiveNeurons(double[] v, double[] w, int k, int m, double threshold) {
        int count = 0;
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < m; t++) {
                if (Math.abs(v[j] * w[j * m + t]) > threshold) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    @Override
    public void products(double[] v, double[] w, int k, int m, double[] out) {
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < m; t++) {
                out[j * m + t] = v[j] * w[j * m + t];
            }
        }
    }

    // ---------------------------------------------------------------- optimizer steps

    @Override
    public void proxStep(double[] v, double[] w, double[] b, int k, int m, double[] qPrev, double lambdaLr, double p) {
        PowMath.checkExponent(p);
        double lp = lambdaLr * p;
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int row = j * m;
            double wOld = w[row];
            double norm2 = 0;
            for (int t = 0; t < m; t++) {
                double u = PowMath.softThreshold(vj * w[row + t], PowMath.threshold(qPrev[row + t], lp, p));
                w[row + t] = u; // the new product, until the neuron's norm is known
                norm2 += u * u;
            }
            // |v| = sqrt(||u||); with one product that is sqrt(|u|), computed without squaring
            double vAbs = m == 1 ? Math.sqrt(Math.abs(w[row])) : Math.sqrt(Math.sqrt(norm2));
            if (vAbs == 0) {
                v[j] = 0;
                for (int t = 0; t < m; t++) {
                    w[row + t] = 0;
                }
                if (b != null) {
                    b[j] = 0;
                }
                continue;
            }
            double vNew = Math.copySign(vAbs, vj);
            for (int t = 0; t < m; t++) {
                w[row + t] = w[row + t] / vNew;
            }
            v[j] = vNew;
            if (b != null) {
                b[j] = b[j] * (w[row] / wOld); // the knot -b/w stays put
            }
        }
    }

    @Override
    public void adam(double[] param, double[] grad, double[] m1, double[] m2, int n,
                     double lr, double beta1, double beta2, double eps, double weightDecay, int step) {
        AdamMath co = new AdamMath(lr, beta1, beta2, weightDecay, step);
        for (int i = 0; i < n; i++) {
            double g = grad[i];
            double p = weightDecay > 0 ? param[i] * co.decay : param[i];
            double a = AdamMath.flush(m1[i] * beta1 + g * co.oneMinusBeta1);
            double s = AdamMath.flush(m2[i] * beta2 + (g * g) * co.oneMinusBeta2);
            m1[i] = a;
            m2[i] = s;
            double denom = Math.sqrt(s) / co.bc2Sqrt + eps;
            param[i] = p - co.stepSize * (a / denom);
        }
    }
}
