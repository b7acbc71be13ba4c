package dev.sparsest.bench;

import dev.sparsest.kernel.Float1dKernels;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;

/** The implementation named by a benchmark's "impl" parameter. */
final class KernelChoice {
    private KernelChoice() {
    }

    static Kernels of(String impl) {
        return impl.equals("scalar") ? KernelProvider.scalar() : KernelProvider.vector();
    }

    /** The float 1-D kernels of the same choice (benchmark-facing in the library). */
    static Float1dKernels ofFloat(String impl) {
        return impl.equals("scalar") ? KernelProvider.scalarFloat() : KernelProvider.vectorFloat();
    }
}
