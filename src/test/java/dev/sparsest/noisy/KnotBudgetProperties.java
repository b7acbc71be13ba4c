package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At most K knots, the least maximum error, against independent oracles: the union dynamic
 * program of the first tube solver ({@link TubeUnionReference}, shares nothing with the window
 * solver but the line sets) and, on small N, the LP brute force over curvature sign patterns
 * ({@link TubeBruteForce}). Each oracle must fit K knots at eps (1 + 1e-7) and not at
 * eps (1 - 1e-7): at the breakpoint itself the feasible lines shrink to a point and the solvers'
 * widenings decide (the DP's and the window solver's differ there by ~1e-11), so a relative step
 * of 1e-7 either side separates a correct answer from a wrong one without asking either oracle to
 * decide a tie.
 */
class KnotBudgetProperties {
    private static final double BELOW = 1 - 1e-7;

    record Case(Points points, int knots) {
        @Override
        public String toString() {
            return "K = " + knots + " on " + points;
        }
    }

    private static Gen<Case> cases(Gen<Points> points) {
        return r -> {
            Points p = points.next(r);
            return new Case(p, r.nextInt(Math.max(1, Math.min(5, p.x().length - 1))));
        };
    }

    /** The DP's fewest knots at eps, or MAX_VALUE where rows at one x cannot share one tube. */
    private static int dp(Points p, double eps) {
        NoisyData d = NoisyData.of(p.x(), p.y(), eps);
        try {
            d.requireTube();
        } catch (InvalidDataException e) {
            return Integer.MAX_VALUE;
        }
        return TubeUnionReference.fewestKnots(d);
    }

    @Test
    void theLeastToleranceForKKnotsIsTheDynamicProgramsBreakpoint() {
        Prop.forAll("theLeastToleranceForKKnotsIsTheDynamicProgramsBreakpoint", cases(PointsGen.any(2, 30))).check(c -> {
            KnotBudget.Fit fit = new KnotBudget().solve(c.points.x(), c.points.y(), c.knots);
            assertTrue(fit.knots() <= c.knots, "the fit keeps the budget");
            double yScale = NoisyData.of(c.points.x(), c.points.y()).yScale();
            assertTrue(fit.tube().maxExcess() <= 1e-8 * yScale, "inside the tube but for the widening: " + fit.tube().maxExcess());
            assertTrue(dp(c.points, fit.eps() * (2 - BELOW)) <= c.knots, "the DP fits K knots just above eps " + fit.eps());
            if (fit.eps() > 0) {
                assertTrue(dp(c.points, fit.eps() * BELOW) > c.knots, "the DP fits K knots below eps " + fit.eps());
            }
        });
    }

    @Test
    void theLeastToleranceForKKnotsIsTheLinearProgramsBreakpoint() {
        Prop.forAll("theLeastToleranceForKKnotsIsTheLinearProgramsBreakpoint", cases(NoisyProperties.generic(3, 7)))
                .tries(Integer.getInteger("prop.tries", 500) / 5).check(c -> {
            KnotBudget.Fit fit = new KnotBudget().solve(c.points.x(), c.points.y(), c.knots);
            int at = TubeBruteForce.fewestKnots(NoisyData.of(c.points.x(), c.points.y(), fit.eps() * (2 - BELOW)));
            assertTrue(at <= c.knots, "the LP fits K knots just above eps " + fit.eps() + ": " + at);
            if (fit.eps() > 0) {
                // ojAlgo accepts patterns infeasible by ~1e-9, more than eps (1 - BELOW) when eps is
                // small: only a witness that holds to a hundredth of that gap counts (-1 otherwise)
                NoisyData below = NoisyData.of(c.points.x(), c.points.y(), fit.eps() * BELOW);
                int count = TubeBruteForce.fewestKnotsCertified(below, 0.01 * fit.eps() * (1 - BELOW));
                assertTrue(count < 0 || count > c.knots, "the LP fits " + count + " <= K knots below eps " + fit.eps());
            }
        });
    }

    @Test
    void chebyshevCasesByHand() {
        // a V: the best constant is 1/2 off at every point, and no line does better
        KnotBudget.Fit v = new KnotBudget().solve(new double[] {-1, 0, 1}, new double[] {1, 0, 1}, 0);
        assertEquals(0.5, v.eps(), 1e-10); // below by the solver's widening: 0.49999999998825
        assertEquals(0, new KnotBudget().solve(new double[] {-1, 0, 1}, new double[] {1, 0, 1}, 1).eps());
        // a line needs no tolerance; rows at one x need half their spread whatever the budget
        assertEquals(0, new KnotBudget().solve(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7}, 0).eps());
        assertEquals(1.0, new KnotBudget().solve(new double[] {0, 1, 1, 2}, new double[] {0, 0, 2, 2}, 3).eps(), 1e-10);
    }
}
