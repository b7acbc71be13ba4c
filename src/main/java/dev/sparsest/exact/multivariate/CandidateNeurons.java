package dev.sparsest.exact.multivariate;

import dev.sparsest.linalg.NullSpace;

import dev.sparsest.data.MultivariateDataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The neurons an optimum is built from. Lemma 4.1 splits a network into one neuron per
 * activation pattern and sign; within a pattern's cone C_j and one orthant (where every |u_c|^p
 * and the count of nonzero u_c are concave) a neuron is a nonnegative combination of the cone's
 * extreme rays, so an optimum is a vertex of {lambda &gt;= 0 : sum lambda_r sigma_r relu(X r) = y}
 * over those rays. An extreme ray of C_j intersected with an orthant lies on d independent
 * hyperplanes among the data's (x_i . u = 0) and the coordinates' (u_c = 0), so the candidates
 * are the lines where d of these N + d + 1 hyperplanes meet, in both directions and with both
 * output signs; a candidate's column is sigma relu(X r), dropped when it is zero.
 */
final class CandidateNeurons {
    /** Entries of X r below this (relative to |x_i|_1, rays have max-norm 1) are zero: the point is on the ray's hyperplane. */
    private static final double ON_HYPERPLANE = 1e-11;
    /** Pivots below this (relative to the largest entry) mean the chosen hyperplanes do not meet in a line. */
    private static final double RANK_TOLERANCE = 1e-10;
    /** Ray entries below this (rays have max-norm 1) are rounding of a zero. */
    private static final double ROUNDING = 1e-12;

    final int n;
    final int d;
    /** Ray directions (d + 1 entries, max-norm 1), one per candidate. */
    final List<double[]> rays = new ArrayList<>();
    /** +1 or -1: the output weight's sign. */
    final List<Integer> signs = new ArrayList<>();
    /** sigma relu(X r), N entries. */
    final List<double[]> columns = new ArrayList<>();
    /** sign(X r) per row (-1, 0, +1): which patterns the ray belongs to. */
    final List<int[]> sides = new ArrayList<>();

    CandidateNeurons(MultivariateDataset data) {
        this.n = data.size();
        this.d = data.dimension();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = ActivationPatterns.row(data, i);
        }
        int m = d + 1;
        int hyperplanes = n + m;
        Set<String> seen = new HashSet<>();
        int[] pick = new int[d];
        for (int i = 0; i < d; i++) {
            pick[i] = i;
        }
        while (true) {
            double[] r = nullDirection(pick, x, m);
            if (r != null) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    double[] ray = r.clone();
                    for (int c = 0; c < m; c++) {
                        ray[c] = dir * ray[c] + 0.0; // no -0.0 in keys
                    }
                    if (seen.add(key(ray))) {
                        addCandidates(ray, x);
                    }
                }
            }
            if (!nextCombination(pick, hyperplanes)) {
                break;
            }
        }
    }

    int size() {
        return columns.size();
    }

    private void addCandidates(double[] ray, double[][] x) {
        int[] side = new int[n];
        double[] out = new double[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            double dot = 0;
            double scale = 0;
            for (int c = 0; c <= d; c++) {
                dot += x[i][c] * ray[c];
                scale += Math.abs(x[i][c]); // the ray has max-norm 1
            }
            if (Math.abs(dot) <= ON_HYPERPLANE * scale) {
                dot = 0;
            }
            side[i] = dot > 0 ? 1 : dot < 0 ? -1 : 0;
            out[i] = Math.max(dot, 0);
            any |= dot > 0;
        }
        if (!any) {
            return; // inactive on every row: contributes nothing
        }
        for (int sigma = 1; sigma >= -1; sigma -= 2) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = sigma * out[i] + 0.0;
            }
            rays.add(ray);
            signs.add(sigma);
            columns.add(col);
            sides.add(side);
        }
    }

    /**
     * The direction orthogonal to the d chosen normals (hyperplane k &lt; n is data row k, k &gt;=
     * n the coordinate k - n), exact zeros on chosen coordinates; null when they do not meet in a line.
     */
    private double[] nullDirection(int[] pick, double[][] x, int m) {
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = pick[i] < n ? x[pick[i]].clone() : unit(m, pick[i] - n);
        }
        double[] r = NullSpace.line(a, m, RANK_TOLERANCE);
        if (r == null) {
            return null;
        }
        for (int k : pick) {
            if (k >= n) {
                r[k - n] = 0;
            }
        }
        double max = 0;
        for (double v : r) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return null;
        }
        for (int c = 0; c < m; c++) {
            r[c] /= max;
            if (Math.abs(r[c]) <= ROUNDING) {
                r[c] = 0; // rounding where the hyperplanes force a zero the elimination did not hit exactly
            }
        }
        return r;
    }

    /** Rays are equal when they agree to 1e-9 (keys round to that). */
    private static String key(double[] r) {
        StringBuilder sb = new StringBuilder();
        for (double v : r) {
            sb.append(Math.round(v * 1e9)).append(',');
        }
        return sb.toString();
    }

    private static double[] unit(int m, int e) {
        double[] u = new double[m];
        u[e] = 1;
        return u;
    }

    static boolean nextCombination(int[] pick, int total) {
        int k = pick.length;
        int i = k - 1;
        while (i >= 0 && pick[i] == total - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        pick[i]++;
        for (int j = i + 1; j < k; j++) {
            pick[j] = pick[j - 1] + 1;
        }
        return true;
    }
}
