package dev.sparsest.train;

import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;

/** What both trainers share: Adam's constants and the kernels of the proximal step. */
final class AdamSettings {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    /**
     * The proximal step runs on the scalar kernels: the vector log/exp of the JDK rounds
     * differently before and after C2 compiles it, which would make runs irreproducible; the
     * step is cheap next to the loss and gradients (and dead neurons are compacted away).
     */
    static final Kernels PROX_KERNELS = KernelProvider.scalar();

    private AdamSettings() {
    }
}
