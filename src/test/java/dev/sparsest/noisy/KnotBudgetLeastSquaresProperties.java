package dev.sparsest.noisy;

import dev.sparsest.data.NoisyData;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At most K knots by least squares: within the budget, never worse than the least-squares fit on
 * the penalized path's knots it starts from (which is never worse than the penalized fit), and,
 * being a local method, measured against a dense grid search over one knot's position.
 */
class KnotBudgetLeastSquaresProperties {

    record Case(Points points, int knots) {
        @Override
        public String toString() {
            return "K = " + knots + " on " + points;
        }
    }

    private static Gen<Case> cases() {
        Gen<Points> points = NoisyProperties.generic(4, 40);
        return r -> new Case(points.next(r), 1 + r.nextInt(3));
    }

    @Test
    void withinTheBudgetAndNoWorseThanWhereItStarted() {
        Prop.forAll("withinTheBudgetAndNoWorseThanWhereItStarted", cases()).check(c -> {
            NoisyData d = NoisyData.of(c.points.x(), c.points.y());
            KnotBudgetLeastSquares.Fit fit = new KnotBudgetLeastSquares().solve(d, c.knots);
            assertTrue(fit.network().neurons() <= c.knots, "budget: " + fit.network().neurons());
            double slack = 1e-12 * Math.max(1, fit.pathRss());
            assertTrue(fit.startRss() <= fit.pathRss() + slack, "the refit on the path's knots loses to the path: "
                    + fit.startRss() + " > " + fit.pathRss());
            assertTrue(fit.rss() <= fit.startRss() + slack, "the refinement made it worse");
            double rss = 0;
            for (int i = 0; i < c.points.x().length; i++) {
                double e = fit.network().evaluate(c.points.x()[i]) - c.points.y()[i];
                rss += e * e;
            }
            assertEquals(rss, fit.rss(), 1e-9 * Math.max(1, rss), "the reported RSS is the rows'");
        });
    }

    /** One knot: the best of 2 000 positions (and every data x) refitted by least squares. */
    @Test
    void oneKnotMatchesADenseGridSearchAlmostAlways() {
        SplittableRandom r = new SplittableRandom(77);
        Gen<Points> points = NoisyProperties.generic(5, 30);
        int trials = 200;
        int matched = 0;
        for (int t = 0; t < trials; t++) {
            Points p = points.next(r);
            NoisyData d = NoisyData.of(p.x(), p.y());
            double ours = new KnotBudgetLeastSquares().solve(d, 1).rss();
            double grid = Double.POSITIVE_INFINITY;
            double x0 = p.x()[0];
            double xn = p.x()[p.x().length - 1];
            for (int g = 0; g <= 2000 + p.x().length; g++) {
                double knot = g <= 2000 ? x0 + (xn - x0) * g / 2000.0 : p.x()[g - 2001];
                UnivariateNetwork f = KnotBudgetLeastSquares.refitOnKnots(d, new double[] {knot});
                grid = Math.min(grid, KnotBudgetLeastSquares.rss(f, d));
            }
            assertTrue(ours <= KnotBudgetLeastSquares.rss(KnotBudgetLeastSquares.refitOnKnots(d, new double[] {}), d) + 1e-12,
                    "no worse than the line");
            if (ours <= grid * (1 + 1e-6) + 1e-12) {
                matched++;
            }
        }
        System.out.println("one knot: the grid's optimum matched on " + matched + " of " + trials);
        assertTrue(matched >= 0.95 * trials, "a local optimum worse than the grid on " + (trials - matched) + " of " + trials);
    }
}
