package dev.sparsest.kernel;

/**
 * One implementation choice of the training kernels, on primitive arrays: the 1-D and d-D loss
 * kernels and the step kernels. Callers pass outputs and workspaces; no kernel allocates. Two
 * choices: the scalar reference ({@link KernelProvider#scalar()}) and the Vector API
 * ({@link KernelProvider#vector()}); {@link KernelProvider#get()} picks one per JVM. Which kernels
 * stay scalar inside the vector choice, and why, is decided here in the kernel package:
 * the proximal step always ({@link StepKernels#proxStep}), the 1-D and d-D loss below four double
 * lanes (128-bit vectors, where the reference measured faster). Between the dense 1-D kernel and
 * the knot sweep, {@link Loss1dSlice} chooses.
 *
 * <h2>Arithmetic and special values (identical on both implementations)</h2>
 * <ul>
 *   <li>relu(t) = t for t &gt; 0, else 0; its derivative is 1[t &gt; 0] (0 at t = 0). Pre-activations
 *       are fused multiply-adds (bias first in d-D), bit-identical on both implementations, so
 *       both decide activity identically.</li>
 *   <li>Non-finite inputs are never masked away: an output is NaN when its data row has a NaN or
 *       infinite value, and every output is NaN when a parameter does (or when the parameters'
 *       absolute values sum to overflow). Losses and gradients then follow as NaN.
 *       -0.0 behaves as 0; subnormal numbers are neither flushed nor treated specially.</li>
 *   <li>Sums are not ordered alike: the vector implementation may add in lanes or rewrite
 *       relu(t) = (t + |t|) / 2 where that is faster (PERF.md). Outputs that sum over K, N or d
 *       agree with the reference within a few ulps times the number of terms, relative to the sum
 *       of absolute values (the tests state each bound). Where relu is rewritten, the sum is over
 *       every neuron, active or not: the 1-D forward pass agrees within a few ulps times K of
 *       |a x| + |c| + sum_k |v_k| (|w_k x| + |b_k|). So a point far from every knot, where large
 *       pre-activations cancel, is only as accurate as that sum (found by the kernel fuzz target:
 *       at x = 5e39 with weights of 1e40 the output lost all digits at 256 bits); normalize such
 *       data (the trainer can: {@code TrainConfig.withNormalization}).</li>
 *   <li>The step kernels are bit-identical on both. NaN products stay NaN; counts do not count
 *       them.</li>
 * </ul>
 */
public final class Kernels {
    private final String name;
    private final Loss1dKernels loss1d;
    private final LossNdKernels lossNd;
    private final StepKernels steps;

    Kernels(String name, Loss1dKernels loss1d, LossNdKernels lossNd, StepKernels steps) {
        this.name = name;
        this.loss1d = loss1d;
        this.lossNd = lossNd;
        this.steps = steps;
    }

    /** "scalar" or "vector-N" with N the vector width in bits. */
    public String name() {
        return name;
    }

    /** The dense 1-D loss kernels. */
    public Loss1dKernels loss1d() {
        return loss1d;
    }

    /** The d-D loss kernels. */
    public LossNdKernels lossNd() {
        return lossNd;
    }

    /** Counts, products, the proximal step and Adam. */
    public StepKernels steps() {
        return steps;
    }

    @Override
    public String toString() {
        return name;
    }
}
