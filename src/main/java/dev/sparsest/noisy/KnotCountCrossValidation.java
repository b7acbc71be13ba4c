package dev.sparsest.noisy;

import dev.sparsest.data.Folds;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.model.UnivariateNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * How many knots, chosen by k-fold cross-validation over the rows: for K = 0, 1, 2, ... each fold's
 * rows are held out, the fit with at most K knots is made on the others and judged by its squared
 * error on the held-out rows; the mean over the folds is the validation MSE, its spread over the
 * folds the standard error. The choice is the fewest knots whose validation MSE is within one
 * standard error of the least (the one-SE rule, as the d-D lambda selection), then fitted on every
 * row. Either family of fits: least squares ({@link KnotBudgetLeastSquares}, local) or the least
 * maximum error ({@link KnotBudget}, exact; the chosen count fixes the tube's EPS); a fit with
 * fewer knots that the local least-squares search did better with stands for K too. The search stops
 * {@value #PATIENCE} counts past the best or at {@code maxKnots}.
 *
 * <p>The folds are a seeded shuffle of the rows ({@link Folds}), so a seed gives one answer. Rows that
 * share an x may fall in different folds: the held-out error then includes the spread within x,
 * as it does for new data. Stateless; safe to share between threads.
 */
public final class KnotCountCrossValidation {
    static final int PATIENCE = 3;

    /** Which fit a knot count stands for. */
    public enum Family {
        /** The least RSS with at most K knots (a local optimum). */
        LEAST_SQUARES,
        /** The least maximum error with at most K knots (exact): the tube whose EPS K knots just fit. */
        MINIMAX
    }

    /**
     * One count on the curve: the held-out MSE (mean over folds) and its standard error, and the
     * fit on every row with its RSS and largest residual.
     */
    public record Point(int knots, double validationMse, double standardError, double rss, double maxError,
                        UnivariateNetwork network) {
        /** The square root of the validation MSE (data units). */
        public double validationRmse() {
            return Math.sqrt(validationMse);
        }
    }

    /** The chosen count (its point on the curve) and the curve. */
    public record Selection(Point chosen, List<Point> curve, Family family, int folds, long seed) {
    }

    /**
     * @param x, y     the rows (any order; repeated x allowed)
     * @param maxKnots the most knots tried (at least 0)
     * @param folds    2 or more, each training part keeping at least two distinct x
     */
    public Selection select(double[] x, double[] y, int maxKnots, int folds, long seed, Family family) {
        if (maxKnots < 0) {
            throw new IllegalArgumentException("the largest knot count must be >= 0: " + maxKnots);
        }
        NoisyData all = NoisyData.of(x, y); // validates the rows once, with their messages
        all.requireTwoPoints();
        int n = x.length;
        if (folds < 2 || n < 2 * folds) {
            throw new IllegalArgumentException(folds + "-fold cross-validation needs at least 2 folds and " + (2 * folds)
                    + " rows, found " + n + " rows: use fewer folds, or --select bic");
        }
        int[][] held = Folds.kFold(n, folds, seed);
        double[][][] training = new double[folds][][];
        for (int f = 0; f < folds; f++) {
            training[f] = without(x, y, held[f]);
            if (NoisyData.of(training[f][0], training[f][1]).size() < 2) {
                throw new InvalidDataException("fold " + (f + 1) + " of " + folds + " leaves fewer than two distinct x to fit"
                        + " on: use fewer folds, or --select bic");
            }
        }
        List<Point> curve = new ArrayList<>();
        int best = 0;
        int last = Math.min(maxKnots, Math.max(0, all.size() - 2));
        UnivariateNetwork[] foldFits = new UnivariateNetwork[folds];
        UnivariateNetwork full = null;
        for (int k = 0; k <= last && k <= best + PATIENCE; k++) {
            double[] mse = new double[folds];
            for (int f = 0; f < folds; f++) {
                // at most K knots: a fit with fewer that the local search did better with stays
                foldFits[f] = better(foldFits[f], fit(training[f][0], training[f][1], k, family), training[f][0], training[f][1], family);
                mse[f] = heldOutMse(foldFits[f], x, y, held[f]);
            }
            full = better(full, fit(x, y, k, family), x, y, family);
            Point p = new Point(k, Folds.mean(mse), Folds.standardError(mse), rss(full, x, y), maxError(full, x, y), full);
            if (!Double.isFinite(p.validationMse()) || !Double.isFinite(p.rss())) {
                throw new InvalidDataException("the squared errors overflow at these magnitudes (y up to " + all.yScale()
                        + "); rescale y to choose the knot count by cross-validation");
            }
            curve.add(p);
            if (p.validationMse() < curve.get(best).validationMse()) {
                best = k;
            }
        }
        Point least = curve.get(best);
        Point chosen = least;
        for (Point p : curve) {
            if (p.validationMse() <= least.validationMse() + least.standardError()) {
                chosen = p; // the first (fewest knots) within one standard error
                break;
            }
        }
        return new Selection(chosen, List.copyOf(curve), family, folds, seed);
    }

    /** The fit of the two by the family's own criterion (RSS, or the largest error), the earlier on a tie; {@code before} may be null. */
    private static UnivariateNetwork better(UnivariateNetwork before, UnivariateNetwork now, double[] x, double[] y, Family family) {
        if (before == null) {
            return now;
        }
        return family == Family.MINIMAX ? (maxError(before, x, y) <= maxError(now, x, y) ? before : now)
                : (rss(before, x, y) <= rss(now, x, y) ? before : now);
    }

    private static UnivariateNetwork fit(double[] x, double[] y, int k, Family family) {
        return family == Family.MINIMAX ? new KnotBudget().solve(x, y, k).tube().network()
                : new KnotBudgetLeastSquares().solve(NoisyData.of(x, y), k).network();
    }

    /** The rows not in {@code held} (ascending indices), as {x, y}. */
    private static double[][] without(double[] x, double[] y, int[] held) {
        int n = x.length;
        double[] tx = new double[n - held.length];
        double[] ty = new double[n - held.length];
        for (int i = 0, h = 0, t = 0; i < n; i++) {
            if (h < held.length && held[h] == i) {
                h++;
            } else {
                tx[t] = x[i];
                ty[t++] = y[i];
            }
        }
        return new double[][] {tx, ty};
    }

    private static double heldOutMse(UnivariateNetwork g, double[] x, double[] y, int[] rows) {
        double s = 0;
        for (int i : rows) {
            double r = g.evaluate(x[i]) - y[i];
            s += r * r;
        }
        return s / rows.length;
    }

    private static double rss(UnivariateNetwork g, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = g.evaluate(x[i]) - y[i];
            s += r * r;
        }
        return s;
    }

    private static double maxError(UnivariateNetwork g, double[] x, double[] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(g.evaluate(x[i]) - y[i]));
        }
        return m;
    }
}
