package dev.sparsest.postprocess;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;

import java.util.Arrays;

/**
 * Last resort of the polish, for a trained network whose knots cannot interpolate the data: a
 * penalized run trades a little misfit for a knot, and where the data are nearly fitted by fewer
 * knots than an exact interpolant needs (the l0 optimum is then ill-conditioned) no lambda that
 * still sparsifies keeps that knot. Knots are added one at a time: every candidate (each inner
 * data point, and the middle of each data interval, free to move in the refinement) is screened
 * by the least-squares refit, the {@value #REFINED} best are refined ({@link KnotRefinement}), and
 * the one with the least squared error is kept; until the network interpolates. A repair, not a
 * solver: at most {@value #MAX_ADDED} knots and {@value #MAX_POINTS} points (a run that misses
 * more has not trained; it is reported as not interpolating). The trainer reports the count, so
 * a user can tell a trained support from a repaired one.
 */
final class KnotCompletion {
    static final int MAX_POINTS = 100;
    static final int MAX_ADDED = 4;
    static final int REFINED = 3;

    private KnotCompletion() {
    }

    /** The network with knots added until it interpolates to {@code floor} MSE (or as it is when it does). */
    static UnivariateNetwork complete(UnivariateNetwork f, UnivariateDataset data, double floor) {
        int n = data.size();
        if (n > MAX_POINTS) {
            return f;
        }
        UnivariateNetwork cur = f;
        double curMse = UnivariateFit.mse(cur, data);
        for (int added = 0; added < MAX_ADDED && curMse > floor && cur.neurons() + 2 < n; added++) {
            UnivariateNetwork best = bestWithOneMoreKnot(cur, data);
            double m = best == null ? Double.POSITIVE_INFINITY : UnivariateFit.mse(best, data);
            if (!(m < curMse)) {
                break;
            }
            cur = best;
            curMse = m;
        }
        return cur;
    }

    private static UnivariateNetwork bestWithOneMoreKnot(UnivariateNetwork f, UnivariateDataset data) {
        int n = data.size();
        UnivariateNetwork[] screened = new UnivariateNetwork[REFINED];
        double[] screenedMse = new double[REFINED];
        Arrays.fill(screenedMse, Double.POSITIVE_INFINITY);
        for (int i = 1; i < n - 1; i++) {
            for (double u : new double[] {data.x(i), 0.5 * (data.x(i - 1) + data.x(i))}) {
                double[] knots = withKnot(f.knots(), u);
                if (knots == null) {
                    continue;
                }
                UnivariateNetwork candidate = UnivariateFit.refitOnKnots(knots, data);
                double m = UnivariateFit.mse(candidate, data);
                // keep the REFINED best, sorted by error
                for (int s = 0; s < REFINED; s++) {
                    if (m < screenedMse[s]) {
                        System.arraycopy(screened, s, screened, s + 1, REFINED - 1 - s);
                        System.arraycopy(screenedMse, s, screenedMse, s + 1, REFINED - 1 - s);
                        screened[s] = candidate;
                        screenedMse[s] = m;
                        break;
                    }
                }
            }
        }
        UnivariateNetwork best = null;
        double bestMse = Double.POSITIVE_INFINITY;
        for (UnivariateNetwork candidate : screened) {
            if (candidate != null) {
                UnivariateNetwork refined = KnotRefinement.refine(candidate, data);
                double m = UnivariateFit.mse(refined, data);
                if (m < bestMse) {
                    best = refined;
                    bestMse = m;
                }
            }
        }
        return best;
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
