package dev.sparsest.train;

import dev.sparsest.kernel.Kernels;
import dev.sparsest.kernel.LossNdKernels;

/**
 * The d-D training loss and its gradients, on one thread or split over the data points as
 * {@link UnivariateLoss}: per-slice copies and buffers, slice means combined in slice order.
 */
final class MultivariateLoss implements AutoCloseable {
    private final LossNdKernels kernels;
    private final int d;
    private final DataSlices slices;
    private final Workers workers;
    private final double[][] xs, ys, work, gw, gv;
    private final double[] losses;
    private final java.util.function.IntConsumer task = this::slice;
    private double[] w, v;
    private int k;

    MultivariateLoss(double[] x, double[] y, int d, int maxK, int threads, Kernels kernels) {
        this.kernels = kernels.lossNd();
        this.d = d;
        int n = y.length;
        int parts = Math.max(1, Math.min(threads, n));
        slices = new DataSlices(n, parts);
        xs = new double[parts][];
        ys = new double[parts][];
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

    /** The MSE over all points; writes its gradients into gwOut (k rows of d + 1) and gvOut (k). */
    double lossGrad(double[] w, double[] v, int k, double[] gwOut, double[] gvOut) {
        int parts = slices.parts();
        if (parts == 1) {
            return kernels.lossGrad(xs[0], ys[0], slices.size(0), d, w, v, k, gwOut, gvOut, work[0]);
        }
        this.w = w;
        this.v = v;
        this.k = k;
        workers.run(task);
        slices.reduce(gw, k * (d + 1), gwOut);
        slices.reduce(gv, k, gvOut);
        return slices.combine(losses);
    }

    private void slice(int t) {
        losses[t] = kernels.lossGrad(xs[t], ys[t], slices.size(t), d, w, v, k, gw[t], gv[t], work[t]);
    }

    @Override
    public void close() {
        workers.close();
    }
}
