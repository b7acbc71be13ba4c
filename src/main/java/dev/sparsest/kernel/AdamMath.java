package dev.sparsest.kernel;

/**
 * Adam's arithmetic as both implementations compute it: the flush of subnormal moments and the
 * reference update, which is also the vector implementation's tail.
 */
final class AdamMath {
    private AdamMath() {
    }

    /**
     * Moments below the smallest normal double become 0. A dead parameter's moments decay
     * geometrically into subnormal numbers, whose arithmetic is ~100x slower on x86 (measured:
     * Adam took 80% of a d-D epoch); such a moment cannot move a parameter by more than
     * lr * 2.2e-308 / eps, so flushing it changes nothing else.
     */
    static double flush(double m) {
        return Math.abs(m) < Double.MIN_NORMAL ? 0.0 : m;
    }

    /** The reference update of elements [from, n) at the step {@code step} is at. */
    static void update(double[] param, double[] grad, double[] m1, double[] m2, int from, int n, AdamStep step) {
        double decay = 1 - step.lr * step.weightDecay;
        for (int i = from; i < n; i++) {
            double g = grad[i];
            double p = step.weightDecay > 0 ? param[i] * decay : param[i];
            double a = flush(m1[i] * step.beta1 + g * (1 - step.beta1));
            double s = flush(m2[i] * step.beta2 + (g * g) * (1 - step.beta2));
            m1[i] = a;
            m2[i] = s;
            double denom = Math.sqrt(s) / step.correction2 + step.eps;
            param[i] = p - step.stepSize * (a / denom);
        }
    }
}
