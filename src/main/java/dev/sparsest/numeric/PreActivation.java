package dev.sparsest.numeric;

/**
 * The one definition of a d-D neuron's pre-activation W_j . [x; 1], shared by the kernels that
 * train the network, the network's evaluation and the post-processing, so that they decide
 * activity (z &gt; 0) identically at a boundary: the bias first, then fused multiply-adds of the
 * weights in input order (the vector kernels accumulate lanewise in the same order, bit for bit).
 * Internal to the library, not part of its API.
 */
public final class PreActivation {
    private PreActivation() {
    }

    /** w[wOff + d] (the bias) plus sum_t w[wOff + t] x[xOff + t], accumulated with fma for t = 0..d-1. */
    public static double of(double[] w, int wOff, double[] x, int xOff, int d) {
        double z = w[wOff + d];
        for (int t = 0; t < d; t++) {
            z = Math.fma(w[wOff + t], x[xOff + t], z);
        }
        return z;
    }
}
