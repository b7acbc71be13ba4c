package dev.sparsest.kernel;

/** The per-step scalars of an Adam update, computed the same way by both implementations. */
final class AdamMath {
    final double decay;
    final double oneMinusBeta1;
    final double oneMinusBeta2;
    final double stepSize;
    final double bc2Sqrt;

    /**
     * Moments below the smallest normal double become 0. A dead parameter's moments decay
     * geometrically into subnormal numbers, whose arithmetic is ~100x slower on x86 (measured:
     * Adam took 80% of a d-D epoch); such a moment cannot move a parameter by more than
     * lr * 2.2e-308 / eps, so flushing it changes nothing else.
     */
    static double flush(double m) {
        return Math.abs(m) < Double.MIN_NORMAL ? 0.0 : m;
    }

    AdamMath(double lr, double beta1, double beta2, double weightDecay, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("Adam step counts from 1: " + step);
        }
        decay = 1 - lr * weightDecay;
        oneMinusBeta1 = 1 - beta1;
        oneMinusBeta2 = 1 - beta2;
        stepSize = lr / (1 - Math.pow(beta1, step));
        bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
    }
}
