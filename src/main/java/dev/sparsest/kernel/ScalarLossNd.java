package dev.sparsest.kernel;

import dev.sparsest.numeric.PreActivation;

/** The reference d-D loss kernels: plain loops in the order {@link LossNdKernels} documents. */
final class ScalarLossNd implements LossNdKernels {
    static final ScalarLossNd INSTANCE = new ScalarLossNd();

    private ScalarLossNd() {
    }

    /** Pre-activations (n k), then residual gradients (n). */
    @Override
    public int work(int n, int d, int k) {
        return n * k + n;
    }

    @Override
    public int residualGradients(int n, int d, int k) {
        return n * k;
    }

    @Override
    public void forward(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work) {
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
    public double lossGrad(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
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
}
