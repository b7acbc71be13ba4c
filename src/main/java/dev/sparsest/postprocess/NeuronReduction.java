package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.linalg.NullSpace;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.numeric.PreActivation;

/**
 * At most N active neurons at no more cost, keeping the outputs at the data (the argument of
 * Prop. 4.1 and Lemma 4.1, applied to a trained network). Write neuron k as its sign s_k and
 * products u_k = |v_k| w_k, with outputs s_k relu(X u_k) at the data. (1) Neurons of one sign
 * never on opposite sides of a data point share an activation pattern and add up to one
 * (u = u_1 + u_2, same outputs; |a + b|^p &lt;= |a|^p + |b|^p and nonzeros do not grow).
 * (2) While the output vectors are linearly dependent (always when there are more than N),
 * a null vector c scales the neurons by 1 + t c_k without changing any output (patterns hold for
 * positive scales); the cost sum_k |1 + t c_k|^p ||u_k||_p^p is concave in t, so the cheaper
 * end of the interval where all scales stay &gt;= 0 removes a neuron and costs no more. Off the
 * data the function may change; at the data it does not (to rounding).
 */
public final class NeuronReduction {
    /** Pivots below this (relative to the output matrix's largest entry) count as zero: dependent outputs. */
    private static final double RANK_TOLERANCE = 1e-10;

    private NeuronReduction() {
    }

    /**
     * The reduced network, with neurons in balanced form (|v_k| = ||w_k||_2); an affine part is
     * kept as it is (the reduction moves only the neurons' outputs, which it keeps at the data).
     */
    public static MultivariateNetwork reduce(MultivariateNetwork f, MultivariateDataset data, double p) {
        int d = f.dimension();
        int m = d + 1;
        int k = f.width();
        double[] w = f.weights();
        double[] v = f.outputWeights();
        double[][] u = new double[k][m];
        int[] sign = new int[k];
        int count = 0;
        for (int j = 0; j < k; j++) {
            boolean any = false;
            for (int t = 0; t < m; t++) {
                u[count][t] = Math.abs(v[j]) * w[j * m + t];
                any |= u[count][t] != 0;
            }
            if (any && v[j] != 0) {
                sign[count++] = v[j] > 0 ? 1 : -1;
            }
        }
        double[][] x = rows(data);
        count = merge(u, sign, count, x);
        while (count > 0) {
            double[] c = NullSpace.vector(outputs(u, sign, count, x), count, RANK_TOLERANCE);
            if (c == null) {
                break;
            }
            count = scaleOut(u, sign, count, c, p);
        }
        double[] nw = new double[count * m];
        double[] nv = new double[count];
        for (int j = 0; j < count; j++) {
            double norm = 0;
            for (double a : u[j]) {
                norm += a * a;
            }
            double root = Math.sqrt(Math.sqrt(norm));
            nv[j] = sign[j] * root;
            for (int t = 0; t < m; t++) {
                nw[j * m + t] = u[j][t] / root;
            }
        }
        return f.withNeurons(nw, nv);
    }

    /** Merges same-sign neurons that never sit on opposite sides of a data point; returns the new count. */
    private static int merge(double[][] u, int[] sign, int count, double[][] x) {
        for (int a = 0; a < count; a++) {
            for (int b = count - 1; b > a; b--) {
                if (sign[a] == sign[b] && samePattern(u[a], u[b], x)) {
                    for (int t = 0; t < u[a].length; t++) {
                        u[a][t] += u[b][t];
                    }
                    count = remove(u, sign, count, b);
                }
            }
        }
        return count;
    }

    private static boolean samePattern(double[] a, double[] b, double[][] x) {
        for (double[] row : x) {
            double za = dot(row, a);
            double zb = dot(row, b);
            if (za > 0 && zb < 0 || za < 0 && zb > 0) {
                return false;
            }
        }
        return true;
    }

    /** Scales neuron j by 1 + t c_j at the cheaper end of the feasible t interval; returns the new count. */
    private static int scaleOut(double[][] u, int[] sign, int count, double[] c, double p) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            if (c[j] > 0) {
                lo = Math.max(lo, -1 / c[j]);
            } else if (c[j] < 0) {
                hi = Math.min(hi, -1 / c[j]);
            }
        }
        double t = Double.isInfinite(hi) ? lo : Double.isInfinite(lo) ? hi : cost(u, count, c, lo, p) <= cost(u, count, c, hi, p) ? lo : hi;
        for (int j = 0; j < count; j++) {
            double scale = Math.max(0, 1 + t * c[j]);
            for (int q = 0; q < u[j].length; q++) {
                u[j][q] *= scale;
            }
        }
        // the neurons at the end of the interval: scale exactly 0 there, whatever rounding left
        for (int j = count - 1; j >= 0; j--) {
            if (Math.abs(1 + t * c[j]) <= 1e-12 * (1 + Math.abs(t * c[j]))) {
                count = remove(u, sign, count, j);
            }
        }
        return count;
    }

    private static double cost(double[][] u, int count, double[] c, double t, double p) {
        double s = 0;
        for (int j = 0; j < count; j++) {
            double scale = Math.max(0, 1 + t * c[j]);
            for (double a : u[j]) {
                if (a != 0 && scale > 0) {
                    s += Math.exp(p * Math.log(scale * Math.abs(a)));
                }
            }
        }
        return s;
    }

    private static int remove(double[][] u, int[] sign, int count, int j) {
        double[] gone = u[j];
        u[j] = u[count - 1];
        sign[j] = sign[count - 1];
        u[count - 1] = gone;
        return count - 1;
    }

    /** Column j: sign_j relu(X u_j), as rows of the N x count matrix. */
    private static double[][] outputs(double[][] u, int[] sign, int count, double[][] x) {
        double[][] a = new double[x.length][count];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < count; j++) {
                a[i][j] = sign[j] * Math.max(0, dot(x[i], u[j]));
            }
        }
        return a;
    }

    private static double[][] rows(MultivariateDataset data) {
        int d = data.dimension();
        double[][] x = new double[data.size()][d + 1];
        for (int i = 0; i < data.size(); i++) {
            for (int t = 0; t < d; t++) {
                x[i][t] = data.x(i, t);
            }
            x[i][d] = 1;
        }
        return x;
    }

    /** u . [x; 1] for a row [x; 1] of {@link #rows}: the network's pre-activation ({@link PreActivation}). */
    private static double dot(double[] row, double[] u) {
        return PreActivation.of(u, 0, row, 0, u.length - 1);
    }
}
