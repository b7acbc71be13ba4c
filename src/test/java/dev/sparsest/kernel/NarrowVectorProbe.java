package dev.sparsest.kernel;

/**
 * Run in a child JVM by {@link KernelProviderTest}: prints the automatic choice and what
 * {@link KernelProvider#vector()} says, one line each.
 */
final class NarrowVectorProbe {
    private NarrowVectorProbe() {
    }

    public static void main(String[] args) {
        System.out.println("auto: " + KernelProvider.get().name());
        try {
            System.out.println("vector: " + KernelProvider.vector().name());
        } catch (IllegalStateException refused) {
            System.out.println("vector refused: " + refused.getMessage());
        }
    }
}
