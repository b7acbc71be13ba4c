package dev.sparsest.model;

import dev.sparsest.numeric.PreActivation;

import java.util.Arrays;

/**
 * A multivariate ReLU network, {@code f(x) = sum_k v_k relu(W_k . [x; 1]) + a . x + c}: K rows of
 * d + 1 weights (bias last), K output weights and, in the affine model, an unpenalized affine part
 * (a, c) held as d + 1 numbers, c last. The paper's model has no affine part ({@link #hasAffinePart()}
 * false). Immutable; evaluation allocates nothing.
 */
public final class MultivariateNetwork implements Network {
    private static final double[] NO_AFFINE = new double[0];

    private final double[] w;
    private final double[] v;
    private final double[] affine;
    private final int k;
    private final int d;

    /** The paper's model: neurons only. */
    public MultivariateNetwork(double[] wRows, double[] v, int d) {
        this(wRows, v, NO_AFFINE, d);
    }

    /**
     * The affine model: neurons and the affine part {@code affine = [a_1, ..., a_d, c]}; an empty
     * array gives the paper's model.
     */
    public MultivariateNetwork(double[] wRows, double[] v, double[] affine, int d) {
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
        if (affine.length != 0 && affine.length != d + 1) {
            throw new IllegalArgumentException("the affine part must be d + 1 = " + (d + 1) + " numbers (a, then c), found " + affine.length);
        }
        for (double a : affine) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("non-finite affine coefficient: " + a);
            }
        }
        this.w = wRows.clone();
        this.v = v.clone();
        this.affine = affine.length == 0 ? NO_AFFINE : affine.clone();
        this.k = v.length;
        this.d = d;
    }

    /** Other neurons, the same affine part (or none). */
    public MultivariateNetwork withNeurons(double[] wRows, double[] v) {
        return new MultivariateNetwork(wRows, v, affine, d);
    }

    /** The same neurons with another affine part ({@code [a_1, ..., a_d, c]}, or empty for none). */
    public MultivariateNetwork withAffinePart(double[] affine) {
        return new MultivariateNetwork(w, v, affine, d);
    }

    /**
     * f at the input x[off .. off + d), the d coordinates of one point stored from index
     * {@code off} (a row of a row-major data array); pre-activations as the training kernels
     * compute them ({@link PreActivation}).
     */
    public double evaluate(double[] x, int off) {
        double f = affine.length == 0 ? 0 : PreActivation.of(affine, 0, x, off, d);
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

    /** Whether the network has an affine part (the affine model), even one that is zero. */
    public boolean hasAffinePart() {
        return affine.length != 0;
    }

    /** The affine part {@code [a_1, ..., a_d, c]}; empty for the paper's model. */
    public double[] affinePart() {
        return affine.clone();
    }

    /**
     * The parameters the network needs: products |v_k w_{k,i}| above the threshold (weights and
     * biases, the paper's l0 count) plus the nonzero coefficients of the affine part.
     */
    public int nonzeroParameters(double threshold) {
        int count = 0;
        for (double a : affine) {
            if (a != 0) {
                count++;
            }
        }
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

    /** sum_k sum_i |v_k w_{k,i}|^p, 0 &lt; p &lt;= 1 (the affine part is not penalized). */
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
        return o instanceof MultivariateNetwork other && other.d == d
                && Arrays.equals(w, other.w) && Arrays.equals(v, other.v) && Arrays.equals(affine, other.affine);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(w) * 31 + Arrays.hashCode(v)) * 31 + Arrays.hashCode(affine);
    }
}
