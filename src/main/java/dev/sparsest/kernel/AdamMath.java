package dev.sparsest.kernel;

/**
 * Adam's arithmetic as both implementations compute it: the per-step scalars (locals of the
 * caller, so a step allocates nothing) and the reference update, which is also the vector
 * implementation's tail.
 */
final class AdamMath {
    private AdamMath() {
    }

    /** lr / (1 - beta1^t): the step size with the first moment's bias correction. */
    static double stepSize(double lr, double beta1, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("Adam step counts from 1: " + step);
        }
        return lr / (1 - Math.pow(beta1, step));
    }

    /** sqrt(1 - beta2^t): the second moment's bias correction. */
    static double secondCorrection(double beta2, int step) {
        return Math.sqrt(1 - Math.pow(beta2, step));
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

    /** The reference update of elements [from, n), with the scalars above. */
    static void update(double[] param, double[] grad, double[] m1, double[] m2, int from, int n, double lr,
                       double beta1, double beta2, double eps, double weightDecay, double stepSize, double correction2) {
        double decay = 1 - lr * weightDecay;
        for (int i = from; i < n; i++) {
            double g = grad[i];
            double p = weightDecay > 0 ? param[i] * decay : param[i];
            double a = flush(m1[i] * beta1 + g * (1 - beta1));
            double s = flush(m2[i] * beta2 + (g * g) * (1 - beta2));
            m1[i] = a;
            m2[i] = s;
            double denom = Math.sqrt(s) / correction2 + eps;
            param[i] = p - stepSize * (a / denom);
        }
    }
}
