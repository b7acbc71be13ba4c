package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;

import java.util.ArrayList;
import java.util.List;

/**
 * How many knots, chosen by BIC: for K = 0, 1, 2, ... the least-squares fit with at most K knots
 * ({@link KnotBudgetLeastSquares}), scored by BIC = n ln(RSS / n) + (2 + 2K) ln n over the n rows
 * (2 + 2K parameters: a line, then a position and a slope change per free knot), the search
 * stopping {@value #PATIENCE} counts past the best or at {@code maxKnots}. A fit with fewer knots
 * is also a fit with at most K, so each RSS is at most the one before (the better of the two is
 * kept). The curve comes back with the choice. As local as the fits it scores.
 */
public final class KnotCountSelection {
    static final int PATIENCE = 3;

    /** One count on the curve. */
    public record Point(int knots, double rss, double bic) {
    }

    /** The chosen count's fit and the curve that chose it. */
    public record Selection(KnotBudgetLeastSquares.Fit chosen, List<Point> curve) {
    }

    public Selection select(NoisyData data, int maxKnots) {
        if (maxKnots < 0) {
            throw new IllegalArgumentException("the largest knot count must be >= 0: " + maxKnots);
        }
        data.requireTwoPoints();
        int rows = data.rows();
        KnotBudgetLeastSquares solver = new KnotBudgetLeastSquares();
        List<Point> curve = new ArrayList<>();
        KnotBudgetLeastSquares.Fit previous = null;
        KnotBudgetLeastSquares.Fit best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        int bestK = -1;
        int last = Math.min(maxKnots, Math.max(0, data.size() - 2));
        for (int k = 0; k <= last && k <= bestK + PATIENCE; k++) {
            KnotBudgetLeastSquares.Fit fit = solver.solve(data, k);
            if (previous != null && previous.rss() <= fit.rss()) {
                fit = new KnotBudgetLeastSquares.Fit(k, previous.network(), previous.rss(), previous.startRss(), previous.pathRss());
            }
            if (!Double.isFinite(fit.rss())) {
                throw new InvalidDataException("the residual sum of squares is " + fit.rss() + " at these magnitudes"
                        + " (y up to " + data.yScale() + "); rescale y to choose the knot count by BIC");
            }
            double bic = rows * Math.log(Math.max(fit.rss(), Double.MIN_NORMAL) / rows) + (2 + 2.0 * k) * Math.log(rows);
            curve.add(new Point(k, fit.rss(), bic));
            if (bic < bestBic) {
                bestBic = bic;
                best = fit;
                bestK = k;
            }
            previous = fit;
        }
        return new Selection(best, List.copyOf(curve));
    }
}
