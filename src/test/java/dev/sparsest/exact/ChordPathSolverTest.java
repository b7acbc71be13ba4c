package dev.sparsest.exact;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand cases of THEORY.md and small cases worked out on paper. */
class ChordPathSolverTest {
    private final ChordPathSolver solver = new ChordPathSolver();

    private ExactSolution solve(double[] x, double[] y, Penalty p) {
        return solver.solve(UnivariateDataset.of(x, y), p);
    }

    @Test
    void paperPeakPlateauHasThreeNeuronsForEveryP() {
        double[] x = {-2, -1, 0, 1, 2, 3};
        double[] y = {0, 0, 1, 1, 0, 0};
        for (double p : new double[] {0, 0.01, 0.4, 0.7, 0.99, 1}) {
            ExactSolution s = solve(x, y, Penalty.lp(p));
            UnivariateNetwork f = s.network();
            assertEquals(3, f.neurons(), "p = " + p);
            // (x+1)_+ - 2(x-1/2)_+ + (x-2)_+
            assertArrayEquals(new double[] {-1, 0.5, 2}, f.knots(), 1e-15, "p = " + p);
            assertArrayEquals(new double[] {1, -2, 1}, f.slopeChanges(), 1e-15, "p = " + p);
            assertEquals(0, f.slope());
            assertEquals(0, f.intercept());
            if (p > 0 && p < 1) {
                assertEquals(2 + Math.pow(2, p), s.cost(), 1e-12);
            }
        }
        assertEquals(4, solve(x, y, Penalty.l1()).cost(), 1e-15);
        assertEquals(4, solve(x, y, Penalty.l1()).l1Value(), 1e-15);
    }

    @Test
    void thresholdExampleHasTwoKnotsBelowPStarAndThreeAbove() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {0, 0, 0.01, 1.02, 3.03, 5.05};
        UnivariateNetwork below = solve(x, y, Penalty.lp(0.1)).network();
        assertEquals(2, below.neurons());
        assertEquals(2 - 0.01 / 1.01, below.knot(0), 1e-12); // 1.990099...
        assertEquals(3 + 0.01 / 1.01, below.knot(1), 1e-12); // 3.009901...
        assertEquals(1.01, below.slopeChange(0), 1e-12);
        assertEquals(1.01, below.slopeChange(1), 1e-12);
        UnivariateNetwork above = solve(x, y, Penalty.lp(0.5)).network();
        assertEquals(3, above.neurons());
        assertArrayEquals(new double[] {1, 2.5, 4}, above.knots(), 1e-12);
        assertEquals(2, solve(x, y, Penalty.l0()).neurons());
        assertEquals(2, solve(x, y, Penalty.l1()).neurons(), "l1 returns its sparsest optimum");
    }

    @Test
    void collinearPointInsideARunSplitsIt() {
        // curvatures (1, 1, 0, 1, 1): two runs of two, 2 neurons (3 if the zero were ignored)
        double[] x = {0, 1, 2, 3, 4, 5, 6};
        double[] y = {0, 0, 1, 3, 5, 8, 12};
        for (Penalty p : new Penalty[] {Penalty.l0(), Penalty.lp(0.5), Penalty.l1()}) {
            ExactSolution s = solve(x, y, p);
            assertEquals(2, s.neurons(), p.name());
            assertEquals(2, s.l0LowerBound());
            assertArrayEquals(new double[] {1.5, 4.5}, s.network().knots(), 1e-15);
            assertArrayEquals(new double[] {2, 2}, s.network().slopeChanges(), 1e-15);
        }
    }

    @Test
    void twoPointsGiveTheLineAndFewerAreRefused() {
        dev.sparsest.data.InvalidDataException one = org.junit.jupiter.api.Assertions.assertThrows(
                dev.sparsest.data.InvalidDataException.class, () -> solve(new double[] {3, 3}, new double[] {7, 7}, Penalty.l0()));
        assertEquals("1 distinct point (after merging repeated rows): at least 2 are needed", one.getMessage());
        ExactSolution two = solve(new double[] {1, 3}, new double[] {1, 5}, Penalty.lp(0.5));
        assertEquals(0, two.neurons());
        assertEquals(2, two.network().slope());
        assertEquals(-1, two.network().intercept(), 1e-15);
        assertEquals(0, two.cost());
    }

    @Test
    void collinearDataNeedsNoNeuron() {
        double[] x = {0, 0.1, 0.2, 0.3, 0.7, 1.1};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.3 * x[i] - 0.7; // rounded decimal arithmetic: curvature is rounding noise
        }
        ExactSolution s = solve(x, y, Penalty.l0());
        assertEquals(0, s.neurons());
        assertEquals(0, solver.solve(UnivariateDataset.of(x, y), Penalty.lp(0.2)).neurons());
        // with no tolerance at all the rounding noise would read as curvature
        assertTrue(new ChordPathSolver(0).solve(UnivariateDataset.of(x, y), Penalty.l0()).neurons() > 0);
    }

    @Test
    void oddRunTieIsBrokenByTheSmallestProductOfSlopeChanges() {
        // curvatures (1, 1, 1) at x = 1, 2, 3: sparsest are {pair(1,2), single 3} or {single 1, pair(2,3)},
        // equal products 2*1: remaining tie goes to the single-point tile where the DP decides (the last point)
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 0, 1, 3, 6};
        ExactSolution s = solve(x, y, Penalty.l0());
        assertEquals(2, s.neurons());
        assertArrayEquals(new double[] {1.5, 3}, s.network().knots(), 1e-15);
        // curvatures (1, 4, 1): {pair(1,2)=5, single 1} vs {single 1, pair(2,3)=5}: tie again
        // curvatures (1, 1, 4): {pair=2, single=4} product 8 vs {single=1, pair=5} product 5: the latter
        double[] y2 = {0, 0, 1, 3, 9};
        ExactSolution s2 = solve(x, y2, Penalty.l0());
        assertEquals(2, s2.neurons());
        assertEquals(1, s2.network().knot(0), 1e-15);
        assertEquals(1, s2.network().slopeChange(0), 1e-15);
        assertEquals(5, s2.network().slopeChange(1), 1e-15);
    }

    @Test
    void resultIsDeterministic() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = {0, 1, 0, 1, 0, 1, 0, 1};
        ExactSolution a = solve(x, y, Penalty.lp(0.5));
        ExactSolution b = solve(x.clone(), y.clone(), Penalty.lp(0.5));
        assertEquals(a.network(), b.network());
        assertEquals(6, a.neurons()); // alternating curvature: every interior point is a knot
    }

    @Test
    void rejectsBadTolerance() {
        assertThrows(IllegalArgumentException.class, () -> new ChordPathSolver(-1));
        assertThrows(IllegalArgumentException.class, () -> new ChordPathSolver(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Penalty.lp(1.5));
        assertThrows(IllegalArgumentException.class, () -> Penalty.lp(-0.1));
    }

    @Test
    void overflowingSlopesFailClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solve(new double[] {0, 1e-290, 1}, new double[] {-1e300, 1e300, 0}, Penalty.l0()));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }
}
