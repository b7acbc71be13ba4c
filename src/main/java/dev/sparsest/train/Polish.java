package dev.sparsest.train;

import dev.sparsest.data.Dataset1D;
import dev.sparsest.model.UnivariateNetwork;

/**
 * Least-squares refit of the slope changes and the skip term with the knots held fixed, so the
 * network interpolates to round-off when its knots allow it; then knots lying within 2% of a
 * data interval from a data point are moved onto it, one at a time, when the refit still fits as
 * well (optimal interpolants put knots on data points or on chord crossings, THEORY.md; training
 * with a penalty leaves them slightly off). Skipped (the network returned as it is) when there are
 * more unknowns than data points. Finally knots the interpolation does not need are dropped
 * ({@link #dropRedundant}). Dense QR: O(N K^2) per refit, meant for the sizes the trainer handles.
 */
final class Polish {
    private Polish() {
    }

    static UnivariateNetwork polish(UnivariateNetwork f, Dataset1D data) {
        UnivariateNetwork best = refit(f, data);
        double bestMse = mse(best, data);
        double floor = 1e-28 * data.yScale() * data.yScale();
        double[] knots = f.knots();
        for (int j = 0; j < knots.length; j++) {
            int i = nearestPoint(data, knots[j]);
            double h = localSpacing(data, i);
            if (knots[j] == data.x(i) || Math.abs(knots[j] - data.x(i)) > 0.02 * h) {
                continue;
            }
            double[] moved = knots.clone();
            moved[j] = data.x(i);
            UnivariateNetwork candidate = refit(UnivariateNetwork.of(moved, f.slopeChanges(), f.slope(), f.anchorX(), f.anchorY()), data);
            double m = mse(candidate, data);
            if (m <= Math.max(bestMse * (1 + 1e-6), floor)) {
                knots = moved;
                best = candidate;
                bestMse = m;
            }
        }
        return dropRedundant(KnotRefinement.refine(best, data), data);
    }

    /**
     * Removes knots the interpolation does not need: smallest |slope change| first, a knot is
     * dropped when the refit without it still interpolates to round-off (MSE at most 1e-24 of
     * max|y|^2). Only ever deletes knots, so a network that interpolates keeps interpolating.
     */
    static UnivariateNetwork dropRedundant(UnivariateNetwork f, Dataset1D data) {
        double floor = 1e-24 * data.yScale() * data.yScale();
        if (mse(f, data) > floor) {
            return f;
        }
        UnivariateNetwork cur = f;
        boolean dropped = true;
        while (dropped && cur.neurons() > 0) {
            dropped = false;
            Integer[] order = new Integer[cur.neurons()];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            UnivariateNetwork base = cur;
            java.util.Arrays.sort(order, (p, q) -> Double.compare(Math.abs(base.slopeChange(p)), Math.abs(base.slopeChange(q))));
            for (int j : order) {
                double[] u = new double[cur.neurons() - 1];
                double[] c = new double[u.length];
                for (int i = 0, o = 0; i < cur.neurons(); i++) {
                    if (i != j) {
                        u[o] = cur.knot(i);
                        c[o] = cur.slopeChange(i);
                        o++;
                    }
                }
                UnivariateNetwork candidate = KnotRefinement.refine(
                        refit(UnivariateNetwork.of(u, c, cur.slope(), cur.anchorX(), cur.anchorY()), data), data);
                if (mse(candidate, data) <= floor) {
                    cur = candidate;
                    dropped = true;
                    break;
                }
            }
        }
        return cur;
    }

    private static int nearestPoint(Dataset1D data, double u) {
        int best = 0;
        for (int i = 1; i < data.size(); i++) {
            if (Math.abs(data.x(i) - u) < Math.abs(data.x(best) - u)) {
                best = i;
            }
        }
        return best;
    }

    /** The shorter of the data intervals next to point i. */
    private static double localSpacing(Dataset1D data, int i) {
        double h = Double.POSITIVE_INFINITY;
        if (i > 0) {
            h = data.x(i) - data.x(i - 1);
        }
        if (i + 1 < data.size()) {
            h = Math.min(h, data.x(i + 1) - data.x(i));
        }
        return h;
    }

    static UnivariateNetwork refit(UnivariateNetwork f, Dataset1D data) {
        int n = data.size();
        int k = f.neurons();
        if (k + 2 > n) {
            return f;
        }
        // columns: (x - x0), 1, relu(x - u_k); anchored at the first data point for conditioning
        double x0 = data.x(0);
        double[][] a = new double[n][k + 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = data.x(i);
            a[i][0] = xi - x0;
            a[i][1] = 1;
            for (int j = 0; j < k; j++) {
                a[i][2 + j] = Math.max(xi - f.knot(j), 0);
            }
            y[i] = data.y(i);
        }
        double[] coef = LeastSquares.solve(a, y);
        double[] c = new double[k];
        System.arraycopy(coef, 2, c, 0, k);
        return UnivariateNetwork.of(f.knots(), c, coef[0], x0, coef[1]);
    }

    static double mse(UnivariateNetwork f, Dataset1D data) {
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = f.evaluate(data.x(i)) - data.y(i);
            s += r * r;
        }
        return s / data.size();
    }
}
