package dev.sparsest.train;

import dev.sparsest.data.Dataset1D;
import dev.sparsest.model.UnivariateNetwork;

import java.util.Arrays;

/**
 * Last resort of the polish, for a trained network whose knots cannot interpolate the data: a
 * penalized run trades a little misfit for a knot, and where the data are nearly fitted by fewer
 * knots than an exact interpolant needs (the l0 optimum is then ill-conditioned) no lambda that
 * still sparsifies keeps that knot. Knots are added one at a time, each at the candidate (a data
 * point or the middle of a data interval, the latter free to move in the refinement) that leaves
 * the least squared error after the least-squares refit and the knot refinement, until the network
 * interpolates or has N - 2 knots (which always interpolate at data points). The trainer reports
 * how many knots it added, so a user can tell a trained support from a repaired one. O(N^2 K^2)
 * per added knot: used up to {@value KnotRefinement#MAX_POINTS} points.
 */
final class KnotCompletion {
    private KnotCompletion() {
    }

    /** The network with knots added until it interpolates to {@code floor} MSE (or as it is when it does). */
    static UnivariateNetwork complete(UnivariateNetwork f, Dataset1D data, double floor) {
        int n = data.size();
        if (n > KnotRefinement.MAX_POINTS) {
            return f;
        }
        UnivariateNetwork cur = f;
        double curMse = Polish.mse(cur, data);
        while (curMse > floor && cur.neurons() < n - 2) {
            UnivariateNetwork best = null;
            double bestMse = Double.POSITIVE_INFINITY;
            for (int i = 1; i < n - 1; i++) {
                for (double u : new double[] {data.x(i), 0.5 * (data.x(i - 1) + data.x(i))}) {
                    double[] knots = withKnot(cur.knots(), u);
                    if (knots == null) {
                        continue;
                    }
                    UnivariateNetwork candidate = KnotRefinement.refine(Polish.refitOnKnots(knots, data), data);
                    double m = Polish.mse(candidate, data);
                    if (m < bestMse) {
                        best = candidate;
                        bestMse = m;
                    }
                }
            }
            if (best == null || !(bestMse < curMse)) {
                break;
            }
            cur = best;
            curMse = bestMse;
        }
        return cur;
    }

    /** The knots with u added in order, or null when u is one of them already. */
    private static double[] withKnot(double[] knots, double u) {
        int at = Arrays.binarySearch(knots, u);
        if (at >= 0) {
            return null;
        }
        int insert = -at - 1;
        double[] out = new double[knots.length + 1];
        System.arraycopy(knots, 0, out, 0, insert);
        out[insert] = u;
        System.arraycopy(knots, insert, out, insert + 1, knots.length - insert);
        return out;
    }
}
