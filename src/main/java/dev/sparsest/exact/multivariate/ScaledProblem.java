package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * The l0 search's data in its own units, and the way back: each input column and the target
 * scaled to max |.| = 1 (scaling keeps zeros, so parameter counts do not change; columns are not
 * shifted, which would move biases to or from zero), rows [x_i; 1], and networks found in these
 * units rebuilt in raw units and checked to interpolate there.
 */
final class ScaledProblem {
    /** Interpolation error of a rebuilt network above this (relative to max |y|) is a miss. */
    static final double INTERPOLATION_TOLERANCE = 1e-8;
    /** Data magnitudes the search takes: within [1 / this, this], or 0. */
    static final double MAX_MAGNITUDE = 1e300;

    final MultivariateDataset data;
    final MultivariateModel model;
    final int n;
    final int d;
    final double[] columnScale;
    final double targetScale;
    /** [x_i / scale; 1] per row. */
    final double[][] rows;
    final double[] y;
    /** Bit i: y_i &gt; 0 (resp. &lt; 0). */
    final long positiveRows;
    final long negativeRows;
    /** Set when a network found could not be written in normal doubles in raw units. */
    boolean unrepresentable;

    ScaledProblem(MultivariateDataset data, MultivariateModel model) {
        this.data = data;
        this.model = model;
        this.n = data.size();
        this.d = data.dimension();
        this.columnScale = new double[d];
        for (int c = 0; c < d; c++) {
            double big = 0;
            for (int i = 0; i < n; i++) {
                big = Math.max(big, Math.abs(data.x(i, c)));
            }
            columnScale[c] = big > 0 ? big : 1;
        }
        double big = 0;
        for (int i = 0; i < n; i++) {
            big = Math.max(big, Math.abs(data.y(i)));
        }
        this.targetScale = big > 0 ? big : 1;
        this.rows = new double[n][d + 1];
        this.y = new double[n];
        long positive = 0;
        long negative = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                rows[i][c] = data.x(i, c) / columnScale[c];
            }
            rows[i][d] = 1;
            y[i] = data.y(i) / targetScale;
            positive |= y[i] > 0 ? 1L << i : 0;
            negative |= y[i] < 0 ? 1L << i : 0;
        }
        this.positiveRows = positive;
        this.negativeRows = negative;
    }

    /**
     * The first value (row, column; column d is the target) outside [1e-300, 1e300] in magnitude
     * and not 0, or null: beyond, the weights of an interpolant or its evaluation leave the normal
     * doubles and the count would depend on the units.
     */
    static int[] firstOutOfRange(MultivariateDataset data) {
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c <= data.dimension(); c++) {
                double a = Math.abs(c < data.dimension() ? data.x(i, c) : data.y(i));
                if (!(a <= MAX_MAGNITUDE) || a != 0 && a < 1 / MAX_MAGNITUDE) {
                    return new int[] {i, c};
                }
            }
        }
        return null;
    }

    /** The affine model's X as columns (always in the span), none in the paper's model. */
    double[][] freeColumns() {
        if (model != MultivariateModel.AFFINE) {
            return new double[0][];
        }
        double[][] columns = new double[d + 1][n];
        for (int c = 0; c <= d; c++) {
            for (int i = 0; i < n; i++) {
                columns[c][i] = rows[i][c];
            }
        }
        return columns;
    }

    /** The network of the shapes' products (scaled units) in raw units, or null when it misses a point. */
    Incumbent rebuild(List<Atom> shapes, double[][] products, String source) {
        List<Neuron> neurons = new ArrayList<>();
        for (int k = 0; k < shapes.size(); k++) {
            Neuron scaled = new Neuron(shapes.get(k).sign, products[k]); // rounding of zeros judged in scaled units
            double[] raw = rawProducts(scaled.products);
            if (raw == null) {
                return null;
            }
            if (scaled.parameters() > 0) {
                neurons.add(Neuron.unrounded(scaled.sign, raw));
            }
        }
        double[] affine = model == MultivariateModel.AFFINE ? rawProducts(products[shapes.size()]) : new double[0];
        return affine == null ? null : incumbent(neurons, affine, source);
    }

    Incumbent incumbent(List<Neuron> neurons, double[] affine, String source) {
        int m = d + 1;
        double[] w = new double[neurons.size() * m];
        double[] v = new double[neurons.size()];
        int parameters = 0;
        for (int k = 0; k < neurons.size(); k++) {
            double[] u = neurons.get(k).products;
            double big = 0;
            for (double c : u) {
                big = Math.max(big, Math.abs(c));
            }
            double norm = 0;
            for (double c : u) {
                norm += (c / big) * (c / big);
            }
            double root = Math.sqrt(big) * Math.sqrt(Math.sqrt(norm)); // sqrt(|u|_2) without overflow
            v[k] = neurons.get(k).sign * root;
            for (int t = 0; t < m; t++) {
                w[k * m + t] = u[t] / root;
            }
            parameters += neurons.get(k).parameters();
        }
        MultivariateNetwork network = new MultivariateNetwork(w, v, affine, d);
        if (worstMiss(network) > INTERPOLATION_TOLERANCE * targetScale) {
            return null;
        }
        return new Incumbent(network, parameters, neurons.size(), source);
    }

    /**
     * Scaled products (weights then bias, or an affine part) in raw units; null when one does not
     * fit in a normal double (data spanning the whole exponent range), which is remembered for the error.
     */
    double[] rawProducts(double[] scaled) {
        double[] raw = new double[d + 1];
        for (int c = 0; c <= d; c++) {
            double s = scaled[c];
            double column = c < d ? columnScale[c] : 1;
            double r = s * targetScale / column;
            if (!Double.isFinite(r) || r == 0 && s != 0) {
                r = s / column * targetScale; // the other order, when only the first overflowed or underflowed
            }
            if (!Double.isFinite(r) || s != 0 && Math.abs(r) < Double.MIN_NORMAL) { // subnormals lose digits: units would matter
                unrepresentable = true;
                return null;
            }
            raw[c] = r;
        }
        return raw;
    }

    /** The largest |f(x_i) - y_i| over the data. */
    double worstMiss(MultivariateNetwork network) {
        double[] x = data.inputs();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double miss = Math.abs(network.evaluate(x, i * d) - data.y(i));
            worst = Math.max(worst, Double.isNaN(miss) ? Double.POSITIVE_INFINITY : miss);
        }
        return worst;
    }

    /** The shapes of a network's neurons in the search's scaled units: support, rows where x . u &gt; 0, sign. */
    List<Atom> shapesOf(MultivariateNetwork network) {
        double[] w = network.weights();
        double[] v = network.outputWeights();
        int m = d + 1;
        List<Atom> shapes = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            int support = 0;
            double[] u = new double[m];
            for (int c = 0; c < m; c++) {
                double raw = Math.abs(v[k]) * w[k * m + c];
                u[c] = c < d ? raw * columnScale[c] : raw; // rows are x / scale: the same pre-activation
                support |= v[k] * w[k * m + c] != 0 ? 1 << c : 0;
            }
            long pattern = 0;
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int c = 0; c < m; c++) {
                    dot += rows[i][c] * u[c];
                }
                pattern |= dot > 0 ? 1L << i : 0;
            }
            if (support != 0 && pattern != 0) {
                shapes.add(new Atom(support, pattern, v[k] > 0 ? 1 : -1));
            }
        }
        return shapes;
    }
}
