package dev.sparsest.kernel;

/** The per-step scalars of an Adam update, computed the same way by both implementations. */
final class AdamMath {
    final double decay;
    final double oneMinusBeta1;
    final double oneMinusBeta2;
    final double stepSize;
    final double bc2Sqrt;

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
