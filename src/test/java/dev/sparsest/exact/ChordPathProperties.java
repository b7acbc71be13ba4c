package dev.sparsest.exact;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paper's univariate theory (THEORY.md section 1) as properties of the chord-path solver.
 * Tolerances: interpolation 1e-9 of max|y| (the solver works in double; errors are a few ulps
 * times the number of knots); cost comparisons 1e-9 relative (sums of N pow terms).
 */
class ChordPathProperties {
    private static final ChordPathSolver SOLVER = new ChordPathSolver();

    /** A dataset and a penalty exponent in {0 (l0), (0,1), 1 (l1)}. */
    record Case(Points points, double p) {
        Penalty penalty() {
            return Penalty.lp(p);
        }

        @Override
        public String toString() {
            return "p=" + p + " " + points;
        }
    }

    static Gen<Case> cases(int minN, int maxN) {
        Gen<Points> points = PointsGen.any(minN, maxN);
        return r -> {
            int kind = r.nextInt(4);
            double p = kind == 0 ? 0 : kind == 1 ? 1 : 0.01 + 0.98 * r.nextDouble();
            return new Case(points.next(r), p);
        };
    }

    static Prop<Case> prop(String name, int minN, int maxN) {
        return Prop.forAll(name, cases(minN, maxN))
                .shrinkWith(c -> Points.shrinker(Math.max(2, minN)).candidates(c.points).stream().map(p -> new Case(p, c.p)).toList());
    }

    static ExactSolution solve(Case c) {
        return SOLVER.solve(UnivariateDataset.of(c.points.x(), c.points.y()), c.penalty());
    }

    @Test
    void solutionInterpolatesEveryPoint() {
        prop("solutionInterpolatesEveryPoint", 2, 60).check(c -> {
            UnivariateNetwork f = solve(c).network();
            double scale = UnivariateDataset.of(c.points.x(), c.points.y()).yScale();
            for (int i = 0; i < c.points.n(); i++) {
                double err = Math.abs(f.evaluate(c.points.x()[i]) - c.points.y()[i]);
                assertTrue(err <= 1e-9 * scale, "point " + i + ": error " + err + " scale " + scale + " " + f);
            }
        });
    }

    @Test
    void atMostNMinus2NeuronsWithKnotsInsideTheInteriorPoints() {
        prop("atMostNMinus2NeuronsWithKnotsInsideTheInteriorPoints", 2, 60).check(c -> {
            UnivariateNetwork f = solve(c).network();
            int n = c.points.n();
            assertTrue(f.neurons() <= Math.max(n - 2, 0), f.neurons() + " neurons for " + n + " points");
            for (double u : f.knots()) {
                assertTrue(u >= c.points.x()[1] && u <= c.points.x()[n - 2], "knot " + u + " outside [x_2, x_{N-1}]");
            }
        });
    }

    @Test
    void lpOptimumEqualsTheBestChordPathByEnumeration() {
        prop("lpOptimumEqualsTheBestChordPathByEnumeration", 2, 14).check(c -> {
            ExactSolution s = solve(c);
            BruteForce.PathOptimum best = BruteForce.bestChordPath(c.points.x(), c.points.y(), c.p == 1 ? 0 : c.p);
            if (c.p == 0 || c.p == 1) {
                assertEquals(best.knots(), s.neurons(), "fewest knots over all chord paths");
            } else {
                assertEquals(best.cost(), s.cost(), 1e-9 * Math.max(1, best.cost()), "least l^p cost over all chord paths");
            }
        });
    }

    @Test
    void noRandomInterpolantWithNMinus2KnotsIsCheaper() {
        SplittableRandom search = new SplittableRandom(7);
        int[] close = {0};
        int tries = prop("noRandomInterpolantWithNMinus2KnotsIsCheaper", 3, 7).check(c -> {
            double p = c.p == 0 ? 0.3 : c.p; // the search needs a continuous cost
            ExactSolution s = SOLVER.solve(UnivariateDataset.of(c.points.x(), c.points.y()), Penalty.lp(p));
            double found = BruteForce.randomKnotSearch(c.points.x(), c.points.y(), p, 200, search);
            assertTrue(s.cost() <= found * (1 + 1e-7) + 1e-12, "search found " + found + " below optimum " + s.cost());
            if (found <= s.cost() * 1.01 + 1e-12) {
                close[0]++;
            }
        });
        // the oracle must be able to fail: it often comes within 1% of the optimum
        assertTrue(close[0] >= tries / 4, "random search came within 1% only " + close[0] + " of " + tries + " times");
    }

    @Test
    void l0NeuronCountEqualsTheRunFormula() {
        prop("l0NeuronCountEqualsTheRunFormula", 2, 80).check(c -> {
            ExactSolution s = SOLVER.solve(UnivariateDataset.of(c.points.x(), c.points.y()), Penalty.l0());
            int formula = BruteForce.l0Count(c.points.x(), c.points.y());
            assertEquals(formula, s.neurons());
            assertEquals(formula, s.l0LowerBound());
        });
    }

    @Test
    void lpOptimumIsAlsoL1Optimal() {
        prop("lpOptimumIsAlsoL1Optimal", 2, 60).check(c -> {
            ExactSolution s = solve(c);
            double l1 = s.network().l1PathNorm();
            assertEquals(s.l1Value(), l1, 1e-9 * Math.max(s.l1Value(), 1e-300), "sum|c_k| = sum|a_i|");
        });
    }

    @Test
    void lipschitzConstantIsAtMostTheLargestChordSlope() {
        prop("lipschitzConstantIsAtMostTheLargestChordSlope", 2, 60).check(c -> {
            double[] x = c.points.x();
            double[] y = c.points.y();
            double maxSlope = 0;
            for (int i = 0; i + 1 < x.length; i++) {
                maxSlope = Math.max(maxSlope, Math.abs((y[i + 1] - y[i]) / (x[i + 1] - x[i])));
            }
            double lip = solve(c).network().lipschitz();
            assertTrue(lip <= maxSlope * (1 + 1e-9), "Lipschitz " + lip + " > max chord slope " + maxSlope);
        });
    }

    @Test
    void l0OptimumIsSparsestAndSparserThanOrEqualToEveryLp() {
        prop("l0OptimumIsSparsestAndSparserThanOrEqualToEveryLp", 2, 40).check(c -> {
            UnivariateDataset d = UnivariateDataset.of(c.points.x(), c.points.y());
            ExactSolution l0 = SOLVER.solve(d, Penalty.l0());
            ExactSolution any = SOLVER.solve(d, c.penalty());
            assertTrue(l0.isSparsest());
            assertTrue(l0.neurons() <= any.neurons());
            assertEquals(l0.neurons(), SOLVER.solve(d, Penalty.l1()).neurons(), "l1 returns its sparsest optimum");
        });
    }

    @Test
    void permutingInputRowsChangesNothing() {
        prop("permutingInputRowsChangesNothing", 2, 40).check(c -> {
            int n = c.points.n();
            double[] x = c.points.x().clone();
            double[] y = c.points.y().clone();
            SplittableRandom r = new SplittableRandom(n * 31L + Double.hashCode(c.p));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                double t = x[i]; x[i] = x[j]; x[j] = t;
                t = y[i]; y[i] = y[j]; y[j] = t;
            }
            assertEquals(solve(c).network(), SOLVER.solve(UnivariateDataset.of(x, y), c.penalty()).network());
        });
    }

    @Test
    void affineMapsOfXAndYMapTheKnotsAsTheAlgebraSays() {
        // x -> alpha x + beta, y -> gamma y + delta + m x: knots u -> alpha u + beta,
        // slope changes c -> gamma c / |alpha|, l^p cost scaled by |gamma / alpha|^p
        prop("affineMapsOfXAndYMapTheKnotsAsTheAlgebraSays", 2, 30).check(c -> {
            double[] x = c.points.x();
            double[] y = c.points.y();
            int n = x.length;
            SplittableRandom r = new SplittableRandom(Double.doubleToLongBits(x[0]) ^ n);
            double xRange = Math.max(x[n - 1] - x[0], Math.abs(x[0]) + Double.MIN_NORMAL);
            double yRange = UnivariateDataset.of(x, y).yScale();
            if (yRange <= Double.MIN_NORMAL) {
                yRange = 1; // all y zero: map onto a real line, not one of subnormal size (refused as noise)
            }
            double alpha = (0.1 + 10 * r.nextDouble()) * (r.nextInt(4) == 0 ? -1 : 1);
            double beta = (r.nextDouble() - 0.5) * xRange;
            double gamma = (0.1 + 10 * r.nextDouble()) * (r.nextBoolean() ? -1 : 1);
            double delta = (r.nextDouble() - 0.5) * yRange;
            double m = (r.nextDouble() - 0.5) * yRange / xRange;
            double[] x2 = new double[n];
            double[] y2 = new double[n];
            for (int i = 0; i < n; i++) {
                x2[i] = alpha * x[i] + beta;
                y2[i] = gamma * y[i] + delta + m * x2[i];
            }
            ExactSolution s1 = solve(c);
            ExactSolution s2 = SOLVER.solve(UnivariateDataset.of(x2, y2), c.penalty());
            assertEquals(s1.neurons(), s2.neurons(), "neurons");
            double ratio = Math.abs(gamma / alpha);
            double expectedCost = c.p == 0 ? s1.cost() : s1.cost() * Math.pow(ratio, c.p);
            assertEquals(expectedCost, s2.cost(), 1e-9 * Math.max(expectedCost, 1e-300), "cost");
            if (alpha > 0) {
                UnivariateNetwork f1 = s1.network();
                UnivariateNetwork f2 = s2.network();
                for (int k = 0; k < f1.neurons(); k++) {
                    assertEquals(alpha * f1.knot(k) + beta, f2.knot(k), 1e-9 * Math.abs(alpha) * xRange, "knot " + k);
                    double expected = gamma * f1.slopeChange(k) / alpha;
                    assertEquals(expected, f2.slopeChange(k), 1e-9 * Math.abs(expected), "slope change " + k);
                }
            }
        });
    }
}
