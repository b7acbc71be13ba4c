package dev.sparsest.exact;

import java.util.SplittableRandom;

/**
 * Independent oracles for tests. They share no code with the solver: own slopes, own
 * curvature test, own enumeration and linear algebra.
 */
final class BruteForce {
    private BruteForce() {
    }

    /** Least cost and, for that cost, the fewest knots over all chord paths (exhaustive, N <= ~16). */
    record PathOptimum(double cost, int knots) {
    }

    /**
     * Enumerates every path over the chords: chord j to j+1 always (knot at x_{j+1} unless the
     * three points are collinear), chord j to j+2 when the curvatures at j+1 and j+2 share a
     * nonzero sign. p = 0 counts knots. Collinear: |a| <= 1e-9 (|s_left| + |s_right| + max|y| / min dx).
     */
    static PathOptimum bestChordPath(double[] x, double[] y, double p) {
        int n = x.length;
        if (n <= 2) {
            return new PathOptimum(0, 0);
        }
        double[] s = new double[n - 1];
        double maxY = 0;
        double minDx = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n - 1; j++) {
            s[j] = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
            minDx = Math.min(minDx, x[j + 1] - x[j]);
        }
        for (double v : y) {
            maxY = Math.max(maxY, Math.abs(v));
        }
        double[] curv = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double c = s[i] - s[i - 1];
            double scale = Math.abs(s[i]) + Math.abs(s[i - 1]) + maxY / minDx;
            curv[i] = Math.abs(c) <= 1e-9 * scale ? 0 : c;
        }
        double[] best = {Double.POSITIVE_INFINITY, Integer.MAX_VALUE};
        walk(0, 0, 0, curv, n, p, best);
        return new PathOptimum(best[0], (int) best[1]);
    }

    private static void walk(int chord, double cost, int knots, double[] curv, int n, double p, double[] best) {
        if (chord == n - 2) {
            boolean lower = cost < best[0] * (1 - 1e-12) - 1e-300;
            boolean tie = !lower && cost <= best[0] * (1 + 1e-12);
            if (lower || (tie && knots < best[1])) {
                best[0] = cost;
                best[1] = knots;
            }
            return;
        }
        double step = curv[chord + 1];
        walk(chord + 1, cost + cost(step, p), knots + (step != 0 ? 1 : 0), curv, n, p, best);
        if (chord + 2 <= n - 2 && step != 0 && curv[chord + 2] != 0 && Math.signum(step) == Math.signum(curv[chord + 2])) {
            walk(chord + 2, cost + cost(step + curv[chord + 2], p), knots + 1, curv, n, p, best);
        }
    }

    private static double cost(double c, double p) {
        if (c == 0) {
            return 0;
        }
        return p == 0 ? 1 : Math.pow(Math.abs(c), p);
    }

    /**
     * The least l^p cost found by a random search over CPWL interpolants with N - 2 free knots:
     * for each draw of knot positions, solve the N x N system for (slope, intercept, c_1..c_{N-2})
     * and take sum |c_k|^p. An upper bound on the optimum: the solver must never be above it.
     */
    static double randomKnotSearch(double[] x, double[] y, double p, int draws, SplittableRandom r) {
        int n = x.length;
        int k = n - 2;
        double lo = x[0];
        double hi = x[n - 1];
        double best = Double.POSITIVE_INFINITY;
        double[] t = new double[k];
        for (int d = 0; d < draws; d++) {
            for (int j = 0; j < k; j++) {
                int mode = r.nextInt(3);
                if (mode == 0) {
                    t[j] = lo + (hi - lo) * r.nextDouble();
                } else if (mode == 1) {
                    t[j] = x[1 + r.nextInt(n - 2)]; // at an interior data point
                } else {
                    int i = r.nextInt(n - 1);
                    t[j] = x[i] + (x[i + 1] - x[i]) * r.nextDouble();
                }
            }
            double[] coef = solveInterpolation(x, y, t);
            if (coef == null) {
                continue;
            }
            double cost = 0;
            for (int j = 0; j < k; j++) {
                cost += Math.pow(Math.abs(coef[2 + j]), p);
            }
            best = Math.min(best, cost);
        }
        return best;
    }

    /** Gaussian elimination with partial pivoting; null when (nearly) singular. */
    static double[] solveInterpolation(double[] x, double[] y, double[] t) {
        int n = x.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            m[i][0] = x[i];
            m[i][1] = 1;
            for (int j = 0; j < t.length; j++) {
                m[i][2 + j] = Math.max(x[i] - t[j], 0);
            }
            m[i][n] = y[i];
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            if (Math.abs(m[piv][col]) < 1e-9) {
                return null;
            }
            double[] tmp = m[col];
            m[col] = m[piv];
            m[piv] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] sol = new double[n];
        for (int i = 0; i < n; i++) {
            sol[i] = m[i][n] / m[i][i];
        }
        return sol;
    }

    /** The run formula, independently: sum over maximal same-sign runs of ceil(len / 2). */
    static int l0Count(double[] x, double[] y) {
        int n = x.length;
        int total = 0;
        int run = 0;
        int prevSign = 0;
        double maxY = 0;
        double minDx = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            maxY = Math.max(maxY, Math.abs(y[j]));
            if (j + 1 < n) {
                minDx = Math.min(minDx, x[j + 1] - x[j]);
            }
        }
        for (int i = 1; i < n - 1; i++) {
            double sl = (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
            double sr = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
            double c = sr - sl;
            int sign = Math.abs(c) <= 1e-9 * (Math.abs(sl) + Math.abs(sr) + maxY / minDx) ? 0 : (c > 0 ? 1 : -1);
            if (sign != 0 && sign == prevSign) {
                run++;
            } else {
                total += (run + 1) / 2;
                run = sign != 0 ? 1 : 0;
            }
            prevSign = sign;
        }
        return total + (run + 1) / 2;
    }
}
