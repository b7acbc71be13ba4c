package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.linalg.NullSpace;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.numeric.PreActivation;

/**
 * Fewer nonzero parameters at the same outputs, by Lemma 4.1's argument at the level of single
 * coordinates. With each neuron's sign s_k = sign(v_k) and u_k = |v_k| (w_k, b_k), the network on
 * the data is f(x_i) = sum_k s_k [u_k . x~_i > 0] u_k . x~_i (+ a . x_i + c): for a fixed
 * activation pattern, linear in the nonzero coordinates of u (and of the affine part). While those
 * coordinates admit a direction that changes no output and no pre-activation held at zero, move
 * along it, toward the endpoint of lower l^p cost (the cost is concave on the segment, so one
 * endpoint costs no more than the start), until a coordinate reaches zero (it is dropped) or a
 * pre-activation reaches zero (it is held there from then on, so no activity changes). Each move
 * drops a coordinate or fixes a pre-activation, so it ends, at a vertex: the outputs at the data
 * are unchanged up to rounding, the l^p cost has not grown, and the support can only shrink.
 * Used up to {@link #MAX_COORDINATES} coordinates and {@link #MAX_POINTS} points (dense
 * elimination per move).
 */
final class VertexPurification {
    static final int MAX_COORDINATES = 200;
    static final int MAX_POINTS = 400;
    private static final double RANK_TOLERANCE = 1e-10;

    private VertexPurification() {
    }

    static MultivariateNetwork purify(MultivariateNetwork f, MultivariateDataset data, double p) {
        int d = f.dimension();
        int m = d + 1;
        int k = f.width();
        int n = data.size();
        int free = f.hasAffinePart() ? m : 0;
        double[] v = f.outputWeights();
        double[] w = f.weights();
        double[] u = new double[k * m + free];
        double[] sign = new double[k];
        for (int j = 0; j < k; j++) {
            sign[j] = Math.signum(v[j]);
            for (int t = 0; t < m; t++) {
                u[j * m + t] = Math.abs(v[j]) * w[j * m + t];
            }
        }
        if (free > 0) {
            System.arraycopy(f.affinePart(), 0, u, k * m, m);
        }
        int support = 0;
        for (double e : u) {
            support += e != 0 ? 1 : 0;
        }
        if (support == 0 || support > MAX_COORDINATES || n > MAX_POINTS) {
            return f;
        }
        double[] xt = augmented(data);
        // z[j][i]: neuron j's pre-activation at point i; held[j][i]: fixed at zero from now on
        double[][] z = new double[k][n];
        boolean[][] active = new boolean[k][n];
        boolean[][] held = new boolean[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                z[j][i] = Math.abs(v[j]) * PreActivation.of(w, j * m, data.inputs(), i * d, d); // u's scale
                active[j][i] = z[j][i] > 0;
                held[j][i] = z[j][i] == 0;
            }
        }
        boolean moved = false;
        for (int step = 0; step < u.length + k * n; step++) {
            int[] cols = supportOf(u);
            double[][] rows = constraints(cols, u.length, k, m, n, xt, sign, active, held);
            double[] dir = NullSpace.vector(rows, cols.length, RANK_TOLERANCE);
            if (dir == null) {
                break;
            }
            double[] delta = new double[u.length];
            for (int c = 0; c < cols.length; c++) {
                delta[cols[c]] = dir[c];
            }
            double up = limit(u, delta, 1, k, m, n, xt, z, held);
            double down = limit(u, delta, -1, k, m, n, xt, z, held);
            double t = cost(u, delta, up, k * m, p) <= cost(u, delta, -down, k * m, p) ? up : -down;
            if (!Double.isFinite(t)) {
                break; // a direction that changes nothing the ratio test sees: stop rather than jump
            }
            apply(u, delta, t, k, m, n, xt, z, held);
            moved = true;
        }
        return moved ? network(u, sign, k, m, free, d) : f;
    }

    /** The points as rows (x_i, 1). */
    private static double[] augmented(MultivariateDataset data) {
        int n = data.size();
        int d = data.dimension();
        double[] xt = new double[n * (d + 1)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.inputs(), i * d, xt, i * (d + 1), d);
            xt[i * (d + 1) + d] = 1;
        }
        return xt;
    }

    private static int[] supportOf(double[] u) {
        int count = 0;
        for (double e : u) {
            count += e != 0 ? 1 : 0;
        }
        int[] cols = new int[count];
        for (int c = 0, j = 0; j < u.length; j++) {
            if (u[j] != 0) {
                cols[c++] = j;
            }
        }
        return cols;
    }

    /** Rows: one per point (the output must not move), one per held pre-activation (it stays 0). */
    private static double[][] constraints(int[] cols, int length, int k, int m, int n, double[] xt, double[] sign,
                                          boolean[][] active, boolean[][] held) {
        int heldCount = 0;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                heldCount += held[j][i] && touches(cols, j, m) ? 1 : 0;
            }
        }
        double[][] rows = new double[n + heldCount][cols.length];
        int r = n;
        for (int c = 0; c < cols.length; c++) {
            int col = cols[c];
            if (col >= k * m) { // the affine part: a_t x_it, c
                int t = col - k * m;
                for (int i = 0; i < n; i++) {
                    rows[i][c] = xt[i * m + t];
                }
                continue;
            }
            int j = col / m;
            int t = col % m;
            for (int i = 0; i < n; i++) {
                rows[i][c] = active[j][i] ? sign[j] * xt[i * m + t] : 0;
            }
        }
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                if (held[j][i] && touches(cols, j, m)) {
                    for (int c = 0; c < cols.length; c++) {
                        if (cols[c] / m == j && cols[c] < k * m) {
                            rows[r][c] = xt[i * m + cols[c] % m];
                        }
                    }
                    r++;
                }
            }
        }
        return rows;
    }

    private static boolean touches(int[] cols, int j, int m) {
        for (int c : cols) {
            if (c / m == j) {
                return true;
            }
        }
        return false;
    }

    /** The longest step s * t >= 0 along delta before a coordinate or a free pre-activation reaches 0. */
    private static double limit(double[] u, double[] delta, double s, int k, int m, int n, double[] xt, double[][] z, boolean[][] held) {
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < u.length; c++) {
            double dc = s * delta[c];
            if (u[c] != 0 && dc != 0 && (u[c] > 0) != (dc > 0)) {
                best = Math.min(best, -u[c] / dc);
            }
        }
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                if (held[j][i]) {
                    continue;
                }
                double dz = s * dot(delta, j * m, xt, i * m, m);
                if (dz != 0 && (z[j][i] > 0) != (dz > 0)) {
                    best = Math.min(best, -z[j][i] / dz);
                }
            }
        }
        return best;
    }

    /** sum |u_c + t delta_c|^p over the neurons' coordinates (the affine part is not penalized). */
    private static double cost(double[] u, double[] delta, double t, int penalized, double p) {
        if (!Double.isFinite(t)) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (int c = 0; c < penalized; c++) {
            s += Math.pow(Math.abs(u[c] + t * delta[c]), p);
        }
        return s;
    }

    /** Moves by t delta; the coordinates and pre-activations that reached zero (to rounding) are set to exactly 0. */
    private static void apply(double[] u, double[] delta, double t, int k, int m, int n, double[] xt, double[][] z, boolean[][] held) {
        double[] before = u.clone();
        for (int c = 0; c < u.length; c++) {
            double moved = u[c] + t * delta[c];
            u[c] = Math.abs(moved) <= 1e-12 * Math.abs(before[c]) || (before[c] != 0 && Math.signum(moved) != Math.signum(before[c]))
                    ? 0 : moved;
        }
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                if (held[j][i]) {
                    continue;
                }
                double next = dot(u, j * m, xt, i * m, m);
                double scale = Math.abs(z[j][i]) + Math.abs(t * dot(delta, j * m, xt, i * m, m));
                if (Math.abs(next) <= 1e-12 * scale || Math.signum(next) != Math.signum(z[j][i])) {
                    held[j][i] = true;
                    z[j][i] = 0;
                } else {
                    z[j][i] = next;
                }
            }
        }
    }

    private static double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        double s = 0;
        for (int t = 0; t < len; t++) {
            s += a[aOff + t] * b[bOff + t];
        }
        return s;
    }

    /** Back to (w, v): each neuron balanced, |v_k| = sqrt(|u_k|), empty neurons dropped. */
    private static MultivariateNetwork network(double[] u, double[] sign, int k, int m, int free, int d) {
        int live = 0;
        for (int j = 0; j < k; j++) {
            live += norm(u, j * m, m) > 0 ? 1 : 0;
        }
        double[] w = new double[live * m];
        double[] v = new double[live];
        for (int j = 0, c = 0; j < k; j++) {
            double norm = norm(u, j * m, m);
            if (norm == 0) {
                continue;
            }
            double scale = Math.sqrt(norm);
            for (int t = 0; t < m; t++) {
                w[c * m + t] = u[j * m + t] / scale;
            }
            v[c++] = sign[j] * scale;
        }
        if (free == 0) {
            return new MultivariateNetwork(w, v, d);
        }
        double[] affine = new double[m];
        System.arraycopy(u, k * m, affine, 0, m);
        return new MultivariateNetwork(w, v, affine, d);
    }

    private static double norm(double[] u, int off, int len) {
        double s = 0;
        for (int t = 0; t < len; t++) {
            s += u[off + t] * u[off + t];
        }
        return Math.sqrt(s);
    }
}
