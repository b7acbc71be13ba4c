package dev.sparsest.exact.multivariate;

/**
 * One neuron of an exact optimum: its products u = v w (weights then bias) and the sign of v.
 * Entries below 1e-12 of the largest are rounding from merging and are set to zero here, once,
 * so the parameter count, the cost and the network written all see the same zeros (an audit found
 * a network claimed at 2 parameters carrying a third weight of -2.2e-16).
 */
final class Neuron {
    /** Products below this fraction of the neuron's largest are rounding of a zero. */
    static final double ZERO = 1e-12;

    final int sign;
    final double[] products;

    Neuron(int sign, double[] products) {
        this(sign, products, true);
    }

    /** The products as they are, already rounded where they were computed (in other units). */
    static Neuron unrounded(int sign, double[] products) {
        return new Neuron(sign, products, false);
    }

    private Neuron(int sign, double[] products, boolean round) {
        this.sign = sign;
        this.products = products.clone();
        if (!round) {
            return;
        }
        double big = 0;
        for (double u : products) {
            big = Math.max(big, Math.abs(u));
        }
        for (int c = 0; c < this.products.length; c++) {
            if (Math.abs(this.products[c]) <= ZERO * big) {
                this.products[c] = 0;
            }
        }
    }

    /** Nonzero products: the parameters this neuron adds (its weights and bias that are not 0). */
    int parameters() {
        int count = 0;
        for (double u : products) {
            count += u != 0 ? 1 : 0;
        }
        return count;
    }

    /** sum_c |u_c|^p, computed as exp(p log |u_c|). */
    double cost(double p) {
        double s = 0;
        for (double u : products) {
            if (u != 0) {
                s += Math.exp(p * Math.log(Math.abs(u)));
            }
        }
        return s;
    }
}
