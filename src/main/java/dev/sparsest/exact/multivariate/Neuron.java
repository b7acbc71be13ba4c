package dev.sparsest.exact.multivariate;

/** One neuron of an exact optimum: its products u = v w (weights then bias) and the sign of v. */
final class Neuron {
    final int sign;
    final double[] products;

    Neuron(int sign, double[] products) {
        this.sign = sign;
        this.products = products;
    }

    /** Nonzero products: entries below 1e-12 of the largest are rounding from merging. */
    int parameters() {
        double big = 0;
        for (double u : products) {
            big = Math.max(big, Math.abs(u));
        }
        int count = 0;
        for (double u : products) {
            count += Math.abs(u) > 1e-12 * big ? 1 : 0;
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
