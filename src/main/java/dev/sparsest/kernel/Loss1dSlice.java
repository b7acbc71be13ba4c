package dev.sparsest.kernel;

/**
 * The 1-D loss and gradients on one slice of points sorted by x, with the kernel chosen for its
 * size: the sorted-knot sweep ({@link KnotSweep}, O(N + K log K)) from {@value #SWEEP_MIN_K}
 * neurons and {@value #SWEEP_MIN_N} points on, the dense kernel (O(N K)) below, where it measured
 * faster (PERF.md). The workspace for the capacity it was made for is allocated once; not
 * thread-safe (one per thread).
 */
public final class Loss1dSlice {
    static final int SWEEP_MIN_K = 32;
    static final int SWEEP_MIN_N = 64;

    private final Loss1dKernels dense;
    private final KnotSweep sweep;
    private final double[] work;

    /** For up to n points and maxK neurons, on the given kernels' dense 1-D loss. */
    public Loss1dSlice(Kernels kernels, int n, int maxK) {
        dense = kernels.loss1d();
        boolean sweeps = sweeps(n, maxK);
        sweep = sweeps ? new KnotSweep(n, maxK) : null;
        work = sweeps ? null : new double[Loss1dKernels.work(n)];
    }

    /** Whether a slice of n points and k neurons runs the sweep. */
    public static boolean sweeps(int n, int k) {
        return k >= SWEEP_MIN_K && n >= SWEEP_MIN_N;
    }

    /** As {@link Loss1dKernels#lossGrad}, x sorted ascending, n and k within this slice's capacity. */
    public double lossGrad(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                           double[] gw, double[] gb, double[] gv, double[] gSkip) {
        return sweep != null
                ? sweep.lossGrad(x, y, n, w, b, v, k, a, c, gw, gb, gv, gSkip)
                : dense.lossGrad(x, y, n, w, b, v, k, a, c, gw, gb, gv, gSkip, work);
    }
}
