package dev.sparsest.bench;

import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;

/** The implementation named by a benchmark's "impl" parameter. */
final class KernelChoice {
    private KernelChoice() {
    }

    static Kernels of(String impl) {
        return impl.equals("scalar") ? KernelProvider.scalar() : KernelProvider.vector();
    }
}
