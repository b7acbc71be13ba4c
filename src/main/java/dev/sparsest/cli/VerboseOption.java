package dev.sparsest.cli;

import dev.sparsest.kernel.KernelProvider;
import picocli.CommandLine.Option;

/** {@code --verbose} for the commands that train: the kernel choice and its reason on stderr (silent by default). */
final class VerboseOption {
    @Option(names = "--verbose", description = "print which numerical kernels run (scalar or vector, and why) on stderr")
    boolean verbose;

    /** Chooses the kernels now (they are chosen once per JVM) and says which, when asked to. */
    void announceKernels() {
        if (verbose) {
            System.err.println("sparsest kernels: " + KernelProvider.describe());
        }
    }
}
