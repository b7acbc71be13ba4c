package dev.sparsest.train;

import dev.sparsest.kernel.Kernels;
import dev.sparsest.kernel.KnotSweep;

/**
 * The 1-D training loss and its gradients, on one thread or split over the data: each thread
 * runs the kernel on its slice of points (its own copy, buffers and sweep) and the slices' means
 * are combined in slice order ({@link DataSlices#reduce}), so a run is deterministic for a given
 * thread count. The sorted-knot sweep is used from {@value #SWEEP_MIN_K} neurons and
 * {@value #SWEEP_MIN_N} points per slice on (PERF.md), the dense kernel below. Nothing is
 * allocated per call.
 */
final class Loss1D implements AutoCloseable {
    static final int SWEEP_MIN_K = 32;
    static final int SWEEP_MIN_N = 64;

    private final Kernels kernels;
    private final DataSlices slices;
    private final Workers workers;
    private final double[][] xs, ys, work, gw, gb, gv, gs;
    private final KnotSweep[] sweeps;
    private final double[] losses;
    private final java.util.function.IntConsumer task = this::slice;
    // the parameters of the call in progress, read by the workers (published by Workers.run)
    private double[] w, b, v;
    private int k;
    private double a, c;

    Loss1D(double[] x, double[] y, int maxK, int threads, Kernels kernels) {
        this.kernels = kernels;
        int parts = Math.max(1, Math.min(threads, x.length));
        slices = new DataSlices(x.length, parts);
        xs = new double[parts][];
        ys = new double[parts][];
        work = new double[parts][];
        sweeps = new KnotSweep[parts];
        gw = new double[parts][];
        gb = new double[parts][];
        gv = new double[parts][];
        gs = new double[parts][];
        losses = new double[parts];
        for (int t = 0; t < parts; t++) {
            int n = slices.size(t);
            xs[t] = parts == 1 ? x : slices.copy(x, 1, t);
            ys[t] = parts == 1 ? y : slices.copy(y, 1, t);
            boolean sweep = usesSweep(n, maxK);
            sweeps[t] = sweep ? new KnotSweep(n, maxK) : null;
            work[t] = sweep ? null : new double[Kernels.work1d(n)];
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
        boolean large = usesSweep(n, k) ? n >= 16_384 : (long) n * k >= 32_768;
        return large ? Math.min(8, Runtime.getRuntime().availableProcessors()) : 1;
    }

    private static boolean usesSweep(int n, int k) {
        return k >= SWEEP_MIN_K && n >= SWEEP_MIN_N;
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
        int n = slices.size(t);
        return sweeps[t] != null
                ? sweeps[t].lossGrad(xs[t], ys[t], n, w, b, v, k, a, c, gw, gb, gv, gs)
                : kernels.lossGrad1d(xs[t], ys[t], n, w, b, v, k, a, c, gw, gb, gv, gs, work[t]);
    }

    @Override
    public void close() {
        workers.close();
    }
}
