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
        return purify(f, data, p, false);
    }

    /**
     * As {@link #purify(MultivariateNetwork, MultivariateDataset, double)}; with
     * {@code crossPatterns}, at each vertex a held pre-activation may also change sides (its
     * neuron's activity at that point flips where its contribution is zero, so no output moves)
     * when moving on from there drops a parameter. The l^p cost may then grow: only the count is
     * guaranteed not to.
     */
    static MultivariateNetwork purify(MultivariateNetwork f, MultivariateDataset data, double p, boolean crossPatterns) {
        int d = f.dimension();
        int m = d + 1;
        int k = f.width();
        int n = data.size();
        int free = f.hasAffinePart() ? m : 0;
        double[] v = f.outputWeights();
        double[] w = f.weights();
        Walk walk = new Walk(k, m, n, free, augmented(data));
        double[] x = data.inputs(); // a copy: once, not per row (it was 68 GB of copies at N = 1024, d = 64)
        for (int j = 0; j < k; j++) {
            walk.sign[j] = Math.signum(v[j]);
            for (int t = 0; t < m; t++) {
                walk.u[j * m + t] = Math.abs(v[j]) * w[j * m + t];
            }
            for (int i = 0; i < n; i++) {
                walk.z[j][i] = Math.abs(v[j]) * PreActivation.of(w, j * m, x, i * d, d); // u's scale
                walk.active[j][i] = walk.z[j][i] > 0;
                walk.held[j][i] = walk.z[j][i] == 0;
            }
        }
        if (free > 0) {
            System.arraycopy(f.affinePart(), 0, walk.u, k * m, m);
        }
        int support = supportOf(walk.u).length;
        if (support == 0 || support > MAX_COORDINATES || n > MAX_POINTS) {
            return f;
        }
        boolean moved = walk.descend(p);
        while (crossPatterns && walk.crossOnce(p)) {
            moved = true;
        }
        return moved ? network(walk.u, walk.sign, k, m, free, d) : f;
    }

    /** The coordinates, pre-activations, activities and holds of one purification. */
    private static final class Walk {
        final int k;
        final int m;
        final int n;
        final double[] xt;
        final double[] sign;
        double[] u;
        double[][] z;
        boolean[][] active;
        boolean[][] held;

        Walk(int k, int m, int n, int free, double[] xt) {
            this.k = k;
            this.m = m;
            this.n = n;
            this.xt = xt;
            this.sign = new double[k];
            this.u = new double[k * m + free];
            this.z = new double[k][n];
            this.active = new boolean[k][n];
            this.held = new boolean[k][n];
        }

        /** A null direction of the current constraints over the support (zero elsewhere), or null at a vertex. */
        double[] direction() {
            int[] cols = supportOf(u);
            double[] dir = NullSpace.vector(constraints(cols, k, m, n, xt, sign, active, held), cols.length, RANK_TOLERANCE);
            if (dir == null) {
                return null;
            }
            double[] delta = new double[u.length];
            for (int c = 0; c < cols.length; c++) {
                delta[cols[c]] = dir[c];
            }
            return delta;
        }

        /** Moves toward the cheaper end while a direction exists; whether anything moved. */
        boolean descend(double p) {
            boolean moved = false;
            for (int step = 0; step < u.length + k * n; step++) {
                double[] delta = direction();
                if (delta == null) {
                    break;
                }
                double up = limit(delta, 1);
                double down = limit(delta, -1);
                double t = cost(u, delta, up, k * m, p) <= cost(u, delta, -down, k * m, p) ? up : -down;
                if (!Double.isFinite(t)) {
                    break; // a direction that changes nothing the ratio test sees: stop rather than jump
                }
                apply(delta, t);
                moved = true;
            }
            return moved;
        }

        /** One held pre-activation flipped to the other side, kept only if the support shrinks; whether one was. */
        boolean crossOnce(double p) {
            int before = supportOf(u).length;
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    if (!held[j][i] || norm(u, j * m, m) == 0) {
                        continue;
                    }
                    Walk saved = copy();
                    active[j][i] = !active[j][i];
                    held[j][i] = false;
                    double[] delta = direction();
                    double dz = delta == null ? 0 : dot(delta, j * m, xt, i * m, m);
                    if (dz != 0) {
                        double s = active[j][i] == dz > 0 ? 1 : -1; // away from zero, into the new side
                        double t = limit(delta, s);
                        if (Double.isFinite(t) && t > 0) {
                            apply(delta, s * t);
                            descend(p);
                            if (supportOf(u).length < before) {
                                return true;
                            }
                        }
                    }
                    restore(saved);
                }
            }
            return false;
        }

        private Walk copy() {
            Walk c = new Walk(k, m, n, 0, xt);
            c.u = u.clone();
            c.z = deep(z);
            c.active = deep(active);
            c.held = deep(held);
            return c;
        }

        private void restore(Walk c) {
            u = c.u;
            z = c.z;
            active = c.active;
            held = c.held;
        }

        /**
         * The longest step s t >= 0 along delta before a coordinate reaches zero or a free
         * pre-activation reaches zero from its side (active: from above; inactive: from below).
         */
        double limit(double[] delta, double s) {
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
                    if (active[j][i] ? dz < 0 : dz > 0) {
                        best = Math.min(best, Math.max(-z[j][i] / dz, 0));
                    }
                }
            }
            return best;
        }

        /** Moves by t delta; what reached zero (to rounding) is set to exactly 0, pre-activations there held. */
        void apply(double[] delta, double t) {
            double[] before = u.clone();
            for (int c = 0; c < u.length; c++) {
                double moved = u[c] + t * delta[c];
                u[c] = Math.abs(moved) <= 1e-12 * Math.abs(before[c])
                        || (before[c] != 0 && Math.signum(moved) != Math.signum(before[c])) ? 0 : moved;
            }
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    if (held[j][i]) {
                        continue;
                    }
                    double next = dot(u, j * m, xt, i * m, m);
                    double scale = Math.abs(z[j][i]) + Math.abs(t * dot(delta, j * m, xt, i * m, m));
                    if (Math.abs(next) <= 1e-12 * scale || (active[j][i] ? next < 0 : next > 0)) {
                        held[j][i] = true;
                        z[j][i] = 0;
                    } else {
                        z[j][i] = next;
                    }
                }
            }
        }
    }

    private static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static boolean[][] deep(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The points as rows (x_i, 1). */
    private static double[] augmented(MultivariateDataset data) {
        int n = data.size();
        int d = data.dimension();
        double[] xt = new double[n * (d + 1)];
        double[] x = data.inputs();
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, xt, i * (d + 1), d);
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
    private static double[][] constraints(int[] cols, int k, int m, int n, double[] xt, double[] sign,
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
