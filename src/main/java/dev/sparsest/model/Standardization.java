package dev.sparsest.model;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.MultivariateDataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Inputs and target to mean 0 and standard deviation 1 (the population's), and networks trained
 * on the standardized data back to raw units, exactly: with z_t = (x_t - mu_t) / s_t and
 * y = m + s g(z), a network g in standardized units is the raw network
 * <pre>
 *   w'_kt = w_kt / s_t,  b'_k = b_k - sum_t w_kt mu_t / s_t,  v'_k = s v_k,
 *   a'_t = s a_t / s_t,  c' = m + s (c - sum_t a_t mu_t / s_t).
 * </pre>
 * A constant input column has mu_t its value (exactly, so its standardized column is exactly 0)
 * and s_t = 1; nothing trained on it can matter at the data, and its raw weights are set to 0 so
 * that nothing matters off the data either. A constant target has s = 1. Only the affine model
 * can be mapped back (the target's mean needs the constant c). Immutable.
 */
public final class Standardization {
    private final double[] mean;
    private final double[] scale;
    private final boolean[] constant;
    private final double targetMean;
    private final double targetScale;

    private Standardization(double[] mean, double[] scale, boolean[] constant, double targetMean, double targetScale) {
        this.mean = mean;
        this.scale = scale;
        this.constant = constant;
        this.targetMean = targetMean;
        this.targetScale = targetScale;
    }

    /** The means and standard deviations of the data's columns and target. */
    public static Standardization of(MultivariateDataset data) {
        int n = data.size();
        int d = data.dimension();
        double[] mean = new double[d];
        double[] scale = new double[d];
        boolean[] constant = new boolean[d];
        double[] column = new double[n];
        for (int t = 0; t < d; t++) {
            for (int i = 0; i < n; i++) {
                column[i] = data.x(i, t);
            }
            constant[t] = isConstant(column);
            mean[t] = constant[t] ? column[0] : mean(column);
            scale[t] = constant[t] ? 1 : deviation(column, mean[t]);
            requireFinite(scale[t], "input column " + (t + 1));
        }
        double[] y = data.targets();
        boolean flat = isConstant(y);
        double my = flat ? y[0] : mean(y);
        double sy = flat ? 1 : deviation(y, my);
        requireFinite(sy, "the target");
        return new Standardization(mean, scale, constant, my, sy);
    }

    private static void requireFinite(double deviation, String what) {
        if (!Double.isFinite(deviation)) {
            throw new InvalidDataException(what + " spreads wider than doubles can hold (its standard deviation overflows): "
                    + "rescale it");
        }
    }

    private static boolean isConstant(double[] a) {
        for (double e : a) {
            if (e != a[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The mean, summed as e / n so that columns near the largest doubles do not overflow, then
     * corrected by the mean of the residuals (a second pass: a column far from 0 with a small
     * spread would otherwise be centred only to the first sum's rounding error).
     */
    private static double mean(double[] a) {
        double s = 0;
        for (double e : a) {
            s += e / a.length;
        }
        double c = 0;
        for (double e : a) {
            c += (e - s) / a.length;
        }
        return Double.isFinite(c) ? s + c : s;
    }

    /** The population standard deviation; positive for a column that is not constant (tiny spreads scaled first). */
    private static double deviation(double[] a, double mean) {
        double big = 0;
        for (double e : a) {
            big = Math.max(big, Math.abs(e - mean));
        }
        double s = 0;
        for (double e : a) {
            double r = (e - mean) / big;
            s += r * r;
        }
        return big * Math.sqrt(s / a.length);
    }

    /** The data in standardized units (the same rows in the same order). */
    public MultivariateDataset apply(MultivariateDataset data) {
        int n = data.size();
        int d = data.dimension();
        if (d != mean.length) {
            throw new IllegalArgumentException("data with " + d + " inputs, standardization of " + mean.length);
        }
        double[][] rows = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                rows[i][t] = (data.x(i, t) - mean[t]) / scale[t];
            }
            y[i] = (data.y(i) - targetMean) / targetScale;
        }
        return MultivariateDataset.samples(rows, y);
    }

    /** The network g trained on standardized data as a network of raw inputs and target (the class comment's map). */
    public MultivariateNetwork toRaw(MultivariateNetwork g) {
        int d = g.dimension();
        if (d != mean.length || !g.hasAffinePart()) {
            throw new IllegalArgumentException("only an affine network of " + mean.length + " inputs maps back to raw units");
        }
        int m = d + 1;
        double[] w = g.weights();
        double[] v = g.outputWeights();
        double[] rw = new double[w.length];
        double[] rv = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            rawRow(w, j * m, rw, 1, 0, d);
            rv[j] = targetScale * v[j];
        }
        double[] affine = new double[m];
        rawRow(g.affinePart(), 0, affine, targetScale, targetMean, d);
        return new MultivariateNetwork(rw, rv, affine, d);
    }

    /** One row [w_1 .. w_d, b] to raw units, all scaled by {@code factor}, {@code shift} added to the constant. */
    private void rawRow(double[] w, int off, double[] out, double factor, double shift, int d) {
        double b = w[off + d];
        for (int t = 0; t < d; t++) {
            double wt = constant[t] ? 0 : w[off + t] / scale[t];
            b -= wt * mean[t];
            out[off + t] = factor * wt;
        }
        out[off + d] = shift + factor * b;
    }

    /** The indices (0-based) of the constant input columns, whose weights are 0 in raw units. */
    public List<Integer> constantColumns() {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < constant.length; t++) {
            if (constant[t]) {
                out.add(t);
            }
        }
        return out;
    }

    /** The target's standard deviation (1 for a constant target): standardized MSEs times its square are raw MSEs. */
    public double targetScale() {
        return targetScale;
    }
}
