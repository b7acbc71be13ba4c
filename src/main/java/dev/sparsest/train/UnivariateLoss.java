package dev.sparsest.train;

import dev.sparsest.kernel.Kernels;
import dev.sparsest.kernel.Loss1dSlice;

/**
 * The 1-D training loss and its gradients, on one thread or split over the data: each thread
 * runs the kernel on its slice of points (its own copy, buffers and sweep) and the slices' means
 * are combined in slice order ({@link DataSlices#reduce}), so a run is deterministic for a given
 * thread count. Each slice's kernel (the dense one or the knot sweep) is chosen by the kernel
 * package ({@link Loss1dSlice}). Nothing is allocated per call.
 */
final class UnivariateLoss implements AutoCloseable {
    private final DataSlices slices;
    private final Workers workers;
    private final double[][] xs, ys, gw, gb, gv, gs;
    private final Loss1dSlice[] sliceLosses;
    private final double[] losses;
    private final java.util.function.IntConsumer task = this::slice;
    // the parameters of the call in progress, read by the workers (published by Workers.run)
    private double[] w, b, v;
    private int k;
    private double a, c;

    UnivariateLoss(double[] x, double[] y, int maxK, int threads, Kernels kernels) {
        int parts = Math.max(1, Math.min(threads, x.length));
        slices = new DataSlices(x.length, parts);
        xs = new double[parts][];
        ys = new double[parts][];
        sliceLosses = new Loss1dSlice[parts];
        gw = new double[parts][];
        gb = new double[parts][];
        gv = new double[parts][];
        gs = new double[parts][];
        losses = new double[parts];
        for (int t = 0; t < parts; t++) {
            int n = slices.size(t);
            xs[t] = parts == 1 ? x : slices.copy(x, 1, t);
            ys[t] = parts == 1 ? y : slices.copy(y, 1, t);
            sliceLosses[t] = new Loss1dSlice(kernels, n, maxK);
            gw[t] = new double[maxK];
            gb[t] = new double[maxK];
            gv[t] = new double[maxK];
            gs[t] = new double[2];
        }
        workers = new Workers(parts);
    }

    /**
     * The automatic thread count: one below the sizes where a second thread measured faster on
     * one epoch (PERF.md, "Threads": the dense kernel from 32k point-neuron pairs, the sweep, whose
     * knot sort every slice repeats, from 16k points), all cores (at most 8) above.
     */
    static int autoThreads(int n, int k) {
        boolean large = Loss1dSlice.sweeps(n, k) ? n >= 16_384 : (long) n * k >= 32_768;
        return large ? Math.min(8, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /** The MSE over all points; writes its gradients into gwOut, gbOut, gvOut (length k) and gsOut (2). */
    double lossGrad(double[] w, double[] b, double[] v, int k, double a, double c,
                    double[] gwOut, double[] gbOut, double[] gvOut, double[] gsOut) {
        int parts = slices.parts();
        if (parts == 1) {
            return compute(0, w, b, v, k, a, c, gwOut, gbOut, gvOut, gsOut);
        }
        this.w = w;
        this.b = b;
        this.v = v;
        this.k = k;
        this.a = a;
        this.c = c;
        workers.run(task);
        slices.reduce(gw, k, gwOut);
        slices.reduce(gb, k, gbOut);
        slices.reduce(gv, k, gvOut);
        slices.reduce(gs, 2, gsOut);
        return slices.combine(losses);
    }

    private void slice(int t) {
        losses[t] = compute(t, w, b, v, k, a, c, gw[t], gb[t], gv[t], gs[t]);
    }

    private double compute(int t, double[] w, double[] b, double[] v, int k, double a, double c,
                           double[] gw, double[] gb, double[] gv, double[] gs) {
        return sliceLosses[t].lossGrad(xs[t], ys[t], slices.size(t), w, b, v, k, a, c, gw, gb, gv, gs);
    }

    @Override
    public void close() {
        workers.close();
    }
}
