package dev.sparsest.train;

import dev.sparsest.kernel.Kernels;
import dev.sparsest.kernel.LossNdKernels;
import dev.sparsest.numeric.PreActivation;

/**
 * The d-D training loss and its gradients, on one thread or split over the data points as
 * {@link UnivariateLoss}: per-slice copies and buffers, slice means combined in slice order.
 * The affine model's part a . x + c is taken off the targets before the kernel runs, and its
 * gradient is read from the kernel's residual gradients (both O(n d), beside the kernel's O(n k d)).
 */
final class MultivariateLoss implements AutoCloseable {
    private final LossNdKernels kernels;
    private final int d;
    private final DataSlices slices;
    private final Workers workers;
    private final double[][] xs, ys, shifted, work, gw, gv, ga;
    private final double[] losses;
    private final java.util.function.IntConsumer task = this::slice;
    private double[] w, v, affine;
    private int k;

    MultivariateLoss(double[] x, double[] y, int d, int maxK, int threads, Kernels kernels) {
        this.kernels = kernels.lossNd();
        this.d = d;
        int n = y.length;
        int parts = Math.max(1, Math.min(threads, n));
        slices = new DataSlices(n, parts);
        xs = new double[parts][];
        ys = new double[parts][];
        shifted = new double[parts][];
        ga = new double[parts][];
        work = new double[parts][];
        gw = new double[parts][];
        gv = new double[parts][];
        losses = new double[parts];
        for (int t = 0; t < parts; t++) {
            xs[t] = parts == 1 ? x : slices.copy(x, d, t);
            ys[t] = parts == 1 ? y : slices.copy(y, 1, t);
            work[t] = new double[this.kernels.work(slices.size(t), d, maxK)];
            gw[t] = new double[maxK * (d + 1)];
            gv[t] = new double[maxK];
            shifted[t] = new double[slices.size(t)];
            ga[t] = new double[d + 1];
        }
        workers = new Workers(parts);
    }

    /**
     * The automatic thread count: one below 2^18 multiply-adds per pass (n k (d + 1); a second
     * thread measured even at 2^17 and 1.4x faster at 2^18, PERF.md "Threads"), all cores (at
     * most 8) above.
     */
    static int autoThreads(int n, int d, int k) {
        boolean large = (double) n * k * (d + 1) >= (1 << 18);
        return large ? Math.min(8, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /**
     * The MSE over all points; writes its gradients into gwOut (k rows of d + 1) and gvOut (k),
     * and with an affine part ({@code affine} d + 1 numbers, else null) into gaOut.
     */
    double lossGrad(double[] w, double[] v, double[] affine, int k, double[] gwOut, double[] gvOut, double[] gaOut) {
        int parts = slices.parts();
        this.w = w;
        this.v = v;
        this.affine = affine;
        this.k = k;
        if (parts == 1) {
            return slice(0, gwOut, gvOut, gaOut); // straight into the outputs: no per-slice buffers, no copies
        }
        workers.run(task);
        slices.reduce(gw, k * (d + 1), gwOut);
        slices.reduce(gv, k, gvOut);
        if (affine != null) {
            slices.reduce(ga, d + 1, gaOut);
        }
        return slices.combine(losses);
    }

    private void slice(int t) {
        losses[t] = slice(t, gw[t], gv[t], ga[t]);
    }

    /** Slice t's mean loss; its gradients into gwT, gvT and (with an affine part) gaT. */
    private double slice(int t, double[] gwT, double[] gvT, double[] gaT) {
        int n = slices.size(t);
        double[] y = ys[t];
        if (affine != null) {
            double[] x = xs[t];
            y = shifted[t];
            for (int i = 0; i < n; i++) {
                y[i] = ys[t][i] - PreActivation.of(affine, 0, x, i * d, d);
            }
        }
        double loss = kernels.lossGrad(xs[t], y, n, d, w, v, k, gwT, gvT, work[t]);
        if (affine != null) {
            affineGradient(t, n, gaT);
        }
        return loss;
    }

    /** d/d(a, c) of the slice's mean into g: sum_i g_i [x_i; 1] over its residual gradients g_i. */
    private void affineGradient(int t, int n, double[] g) {
        java.util.Arrays.fill(g, 0.0);
        double[] x = xs[t];
        int off = kernels.residualGradients(n, d, k);
        for (int i = 0; i < n; i++) {
            double gi = work[t][off + i];
            for (int c = 0; c < d; c++) {
                g[c] = Math.fma(gi, x[i * d + c], g[c]);
            }
            g[d] += gi;
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
