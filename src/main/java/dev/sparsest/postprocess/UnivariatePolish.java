package dev.sparsest.postprocess;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;

/**
 * Least-squares refit of the slope changes and the skip term with the knots held fixed, so the
 * network interpolates to round-off when its knots allow it; then knots lying within 2% of a
 * data interval from a data point are moved onto it, one point at a time (all knots near the point
 * together, so knots just left and right of it merge), when the refit, or else Gauss-Newton on
 * the knots left free ({@link KnotRefinement}), still fits as well (optimal interpolants put knots on data points or on chord crossings, THEORY.md; training
 * with a penalty leaves them slightly off). Skipped (the network returned as it is) when there are
 * more unknowns than data points. Then knots move onto chord crossings ({@link KnotRefinement}),
 * knots are added if the trained ones cannot interpolate ({@link KnotCompletion}), and finally
 * knots the interpolation does not need are dropped ({@link #dropRedundant}). Dense QR: O(N K^2) per refit, meant for the sizes the trainer handles.
 */
public final class UnivariatePolish {
    private UnivariatePolish() {
    }

    /** The polished network and the number of knots {@link KnotCompletion} had to add (0 normally). */
    public record Result(UnivariateNetwork network, int knotsAdded) {
    }

    public static Result polish(UnivariateNetwork f, UnivariateDataset data) {
        UnivariateNetwork best = UnivariateFit.refit(f, data);
        double bestMse = UnivariateFit.mse(best, data);
        double floor = 1e-28 * data.yScale() * data.yScale();
        for (int i = 0; i < data.size(); i++) {
            UnivariateNetwork snapped = snappedTo(best, data.x(i), 0.02 * localSpacing(data, i));
            if (snapped == null) {
                continue;
            }
            // too many knots for the least-squares refit: let Gauss-Newton fit them instead
            UnivariateNetwork candidate = snapped.neurons() + 2 <= data.size()
                    ? UnivariateFit.refitOnKnots(snapped.knots(), data) : KnotRefinement.refine(snapped, data);
            double m = UnivariateFit.mse(candidate, data);
            if (m > Math.max(bestMse * (1 + 1e-6), floor) && snapped.neurons() + 2 <= data.size()) {
                // the other free knots may have to move with it (an interpolant's knots are coupled)
                candidate = KnotRefinement.refine(candidate, data);
                m = UnivariateFit.mse(candidate, data);
            }
            if (m <= Math.max(bestMse * (1 + 1e-6), floor)) {
                best = candidate;
                bestMse = m;
            }
        }
        UnivariateNetwork refined = KnotRefinement.refine(best, data);
        UnivariateNetwork completed = KnotCompletion.complete(refined, data, UnivariateFit.interpolationFloor(data));
        return new Result(dropRedundant(completed, data), completed.neurons() - refined.neurons());
    }

    /**
     * Removes knots the interpolation does not need: smallest |slope change| first, a knot is
     * dropped when the refit without it still interpolates to round-off (MSE at most 1e-24 of
     * max|y|^2). Only ever deletes knots, so a network that interpolates keeps interpolating.
     */
    static UnivariateNetwork dropRedundant(UnivariateNetwork f, UnivariateDataset data) {
        double floor = UnivariateFit.interpolationFloor(data);
        if (UnivariateFit.mse(f, data) > floor) {
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
                        UnivariateFit.refit(UnivariateNetwork.of(u, c, cur.slope(), cur.anchorX(), cur.anchorY()), data), data);
                if (UnivariateFit.mse(candidate, data) <= floor) {
                    cur = candidate;
                    dropped = true;
                    break;
                }
            }
        }
        return cur;
    }


    /**
     * The network with every knot within {@code radius} of the point moved onto it (knots just
     * left and right of it merge, their slope changes summed), or null when none needs to move.
     */
    private static UnivariateNetwork snappedTo(UnivariateNetwork f, double point, double radius) {
        double[] knots = f.knots();
        boolean any = false;
        for (int j = 0; j < knots.length; j++) {
            if (knots[j] != point && Math.abs(knots[j] - point) <= radius) {
                knots[j] = point;
                any = true;
            }
        }
        return any ? UnivariateNetwork.of(knots, f.slopeChanges(), f.slope(), f.anchorX(), f.anchorY()) : null;
    }

    /** The shorter of the data intervals next to point i. */
    private static double localSpacing(UnivariateDataset data, int i) {
        double h = Double.POSITIVE_INFINITY;
        if (i > 0) {
            h = data.x(i) - data.x(i - 1);
        }
        if (i + 1 < data.size()) {
            h = Math.min(h, data.x(i + 1) - data.x(i));
        }
        return h;
    }



}
