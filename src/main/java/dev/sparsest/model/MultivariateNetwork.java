package dev.sparsest.model;

import dev.sparsest.numeric.PreActivation;

import java.util.Arrays;

/**
 * A multivariate ReLU network without skip term, {@code f(x) = sum_k v_k relu(W_k . [x; 1])}:
 * K rows of d + 1 weights (bias last) and K output weights. Immutable; evaluation allocates nothing.
 */
public final class MultivariateNetwork implements Network {
    private final double[] w;
    private final double[] v;
    private final int k;
    private final int d;

    public MultivariateNetwork(double[] wRows, double[] v, int d) {
        if (d < 1 || wRows.length != v.length * (d + 1)) {
            throw new IllegalArgumentException("weights must be " + v.length + " rows of d + 1 = " + (d + 1)
                    + " entries, found " + wRows.length);
        }
        for (double a : wRows) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("non-finite weight: " + a);
            }
        }
        for (double a : v) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("non-finite output weight: " + a);
            }
        }
        this.w = wRows.clone();
        this.v = v.clone();
        this.k = v.length;
        this.d = d;
    }

    /**
     * f at the input x[off .. off + d), the d coordinates of one point stored from index
     * {@code off} (a row of a row-major data array); pre-activations as the training kernels
     * compute them ({@link PreActivation}).
     */
    public double evaluate(double[] x, int off) {
        double f = 0;
        for (int j = 0; j < k; j++) {
            double z = PreActivation.of(w, j * (d + 1), x, off, d);
            if (z > 0) {
                f += v[j] * z;
            }
        }
        return f;
    }

    public int width() {
        return k;
    }

    /** d, the inputs per point. */
    @Override
    public int inputDimension() {
        return d;
    }

    public int dimension() {
        return d;
    }

    public double[] weights() {
        return w.clone();
    }

    public double[] outputWeights() {
        return v.clone();
    }

    /** Products |v_k w_{k,i}| above the threshold (weights and biases): the l0 parameter count. */
    public int nonzeroParameters(double threshold) {
        int count = 0;
        for (int j = 0; j < k; j++) {
            for (int t = 0; t <= d; t++) {
                if (Math.abs(v[j] * w[j * (d + 1) + t]) > threshold) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Neurons with some |v_k w_{k,i}| above the threshold. */
    public int activeNeurons(double threshold) {
        int count = 0;
        for (int j = 0; j < k; j++) {
            for (int t = 0; t <= d; t++) {
                if (Math.abs(v[j] * w[j * (d + 1) + t]) > threshold) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** sum_k sum_i |v_k w_{k,i}|^p, 0 &lt; p &lt;= 1. */
    public double pathNorm(double p) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            for (int t = 0; t <= d; t++) {
                s += Math.pow(Math.abs(v[j] * w[j * (d + 1) + t]), p);
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultivariateNetwork && ((MultivariateNetwork) o).d == d
                && Arrays.equals(w, ((MultivariateNetwork) o).w) && Arrays.equals(v, ((MultivariateNetwork) o).v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + Arrays.hashCode(v);
    }
}
