package dev.sparsest.kernel;

/**
 * The settings of Adam and the scalars of one step t, computed once per step for every parameter
 * group ({@link #at}): the bias corrections need two {@code Math.pow} calls, which cost as much as
 * the whole update of a small network's groups when repeated per group (measured on the paper's
 * 1-D run: Adam was a quarter of the training time). Mutable and reused, so a step allocates
 * nothing; one per training loop (not thread-safe).
 */
public final class AdamStep {
    final double lr;
    final double beta1;
    final double beta2;
    final double eps;
    final double weightDecay;
    double stepSize;
    double correction2;
    private int step;

    /** With weightDecay &gt; 0 it is AdamW. */
    public AdamStep(double lr, double beta1, double beta2, double eps, double weightDecay) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** Moves to step t, counted from 1: lr / (1 - beta1^t) and sqrt(1 - beta2^t). */
    public AdamStep at(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("Adam step counts from 1: " + t);
        }
        if (t != step) {
            stepSize = lr / (1 - Math.pow(beta1, t));
            correction2 = Math.sqrt(1 - Math.pow(beta2, t));
            step = t;
        }
        return this;
    }

    void requireStep() {
        if (step < 1) {
            throw new IllegalStateException("call at(t) before the first Adam step");
        }
    }
}
