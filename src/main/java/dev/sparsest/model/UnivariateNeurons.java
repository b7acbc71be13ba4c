package dev.sparsest.model;

/**
 * A univariate network in neuron form, {@code f(x) = sum_k v_k relu(w_k x + b_k) + a x + c}.
 * Arrays are copied in and out; the object is immutable.
 */
public final class UnivariateNeurons {
    private final double[] w;
    private final double[] b;
    private final double[] v;
    private final double a;
    private final double c;

    public UnivariateNeurons(double[] w, double[] b, double[] v, double a, double c) {
        if (w.length != b.length || w.length != v.length) {
            throw new IllegalArgumentException("w, b, v differ in length: " + w.length + ", " + b.length + ", " + v.length);
        }
        this.w = w.clone();
        this.b = b.clone();
        this.v = v.clone();
        this.a = a;
        this.c = c;
    }

    public int width() {
        return w.length;
    }

    public double[] w() {
        return w.clone();
    }

    public double[] b() {
        return b.clone();
    }

    public double[] v() {
        return v.clone();
    }

    public double w(int k) {
        return w[k];
    }

    public double b(int k) {
        return b[k];
    }

    public double v(int k) {
        return v[k];
    }

    /** Skip-term slope. */
    public double a() {
        return a;
    }

    /** Skip-term constant. */
    public double c() {
        return c;
    }

    /** f(x) summed neuron by neuron: the reference evaluation, O(K). */
    public double evaluate(double x) {
        double f = a * x + c;
        for (int k = 0; k < w.length; k++) {
            f += v[k] * Math.max(w[k] * x + b[k], 0.0);
        }
        return f;
    }

    /** sum_k |v_k w_k|^p for 0 &lt; p &lt;= 1; p = 0 counts neurons with v_k w_k != 0. */
    public double pathNorm(double p) {
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            double q = Math.abs(v[k] * w[k]);
            sum += p == 0 ? (q != 0 ? 1 : 0) : Math.pow(q, p);
        }
        return sum;
    }
}
