package dev.sparsest.kernel;

/**
 * The Vector-API choice ({@code jdk.incubator.vector}). Loaded only by {@link KernelProvider}
 * after it checked that the module is readable; nothing else refers to this class by name. The
 * kernels live one file per concern: {@link VectorLanes} (species, width choices, fixed-order
 * sums), {@link Vector1d}, {@link VectorNd} (register tiles), {@link VectorSteps} and the
 * benchmark-facing {@link VectorFloat1d}. Main loops work on whole vectors with several
 * accumulators; the remaining elements take a scalar tail (never a fully masked loop).
 */
final class VectorKernels {
    /** Below two double lanes a "vector" is one scalar: nothing to gain, and the tiles assume two. */
    static final int MIN_BITS = 128;

    private VectorKernels() {
    }

    /** Called reflectively by the provider; refuses widths it cannot serve. */
    static Kernels create() {
        requireWidth();
        return new Kernels("vector-" + bits(), Vector1d.INSTANCE, VectorNd.INSTANCE, VectorSteps.INSTANCE);
    }

    /** Called reflectively by the provider: the float 1-D kernels (benchmark-facing). */
    static Float1dKernels createFloat() {
        requireWidth();
        return VectorFloat1d.INSTANCE;
    }

    /** The preferred vector width in bits. */
    static int bits() {
        return VectorLanes.D.vectorBitSize();
    }

    private static void requireWidth() {
        if (bits() < MIN_BITS) {
            throw new IllegalStateException("the preferred vector width is " + bits() + " bits; the vector kernels need at least "
                    + MIN_BITS + " (run without -XX:MaxVectorSize below 16, or choose -D" + KernelProvider.PROPERTY + "=scalar)");
        }
    }
}
