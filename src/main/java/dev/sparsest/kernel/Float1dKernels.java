package dev.sparsest.kernel;

/**
 * The dense 1-D kernels in float, for benchmarks and comparisons with float peers; training does
 * not use them. Training runs in double because the knot sweep it uses from a few dozen neurons
 * on needs double prefix sums (f = A x + B cancels), and PERF.md ("Precision") records what float
 * would buy: the dense kernels about twice as fast, which the sweep beats anyway. The contracts
 * are those of {@link Loss1dKernels} in float; the loss is summed in double. Obtained from
 * {@link KernelProvider#scalarFloat()} and {@link KernelProvider#vectorFloat()}.
 */
public interface Float1dKernels {

    /** out[i] = f(x[i]) for i &lt; n. */
    void forward(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out);

    /** As {@link Loss1dKernels#lossGrad}; {@code work} needs {@link Loss1dKernels#work} entries. */
    float lossGrad(float[] x, float[] y, int n, float[] w, float[] b, float[] v, int k, float a, float c,
                   float[] gw, float[] gb, float[] gv, float[] gSkip, float[] work);
}
