package dev.sparsest.exact;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdTest {
    /** Grid of the exhaustive oracle: the solver's p* must lie within one step below the scan's. */
    private static final int GRID = 2000;
    private final ThresholdSolver thresholds = new ThresholdSolver();
    private final ChordPathSolver solver = new ChordPathSolver();

    @Test
    void theoryExampleHasPStarNear0_1807() {
        UnivariateDataset d = UnivariateDataset.of(new double[] {0, 1, 2, 3, 4, 5}, new double[] {0, 0, 0.01, 1.02, 3.03, 5.05});
        Threshold t = thresholds.solve(d);
        assertTrue(t.certified());
        assertEquals(2, t.l0Neurons());
        // p* solves 2 * 1.01^p = 2 * 0.01^p + 2^p; check the equation itself to 1e-9 relative
        double p = t.pStar();
        assertEquals(0.1807, p, 5e-5);
        double lhs = 2 * Math.pow(1.01, p);
        double rhs = 2 * Math.pow(0.01, p) + Math.pow(2, p);
        assertEquals(lhs, rhs, 1e-12);
        double below = bisectEquation();
        assertEquals(below, p, 1e-9 * below);
        assertEquals(1, t.xFrom());
        assertEquals(4, t.xTo());
    }

    /** The crossing 2*1.01^p = 2*0.01^p + 2^p, by plain bisection. */
    private static double bisectEquation() {
        double lo = 0.01;
        double hi = 0.9;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double g = 2 * Math.pow(0.01, mid) + Math.pow(2, mid) - 2 * Math.pow(1.01, mid);
            if (g > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void shortRunsNeverRestrictPStar() {
        UnivariateDataset peak = UnivariateDataset.of(new double[] {-2, -1, 0, 1, 2, 3}, new double[] {0, 0, 1, 1, 0, 0});
        Threshold t = thresholds.solve(peak);
        assertTrue(t.noneBelowOne());
        assertEquals(3, t.l0Neurons());
        assertTrue(thresholds.solve(UnivariateDataset.of(new double[] {0, 1, 2}, new double[] {0, 1, 0})).noneBelowOne());
    }

    @Test
    void evenConvexRunOfEqualCurvaturesHasNoThreshold() {
        // curvatures all equal: pairs always beat singles for p < 1
        double[] x = new double[12];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = i;
            y[i] = i * i;
        }
        assertTrue(thresholds.solve(UnivariateDataset.of(x, y)).noneBelowOne());
    }

    @Test
    void equalCurvaturesAtLargeNHaveNoThreshold() {
        // the audit's case: y = x^2 on 10^5 integers; every cost gap near p = 1 is below double
        // resolution in plain arithmetic, and a spurious p* = 0.99999999 was reported
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = (double) i * i;
        }
        Threshold t = thresholds.solve(UnivariateDataset.of(x, y));
        assertTrue(t.noneBelowOne(), t.toString());
        assertEquals((n - 2 + 1) / 2, t.l0Neurons());
    }

    @Test
    void twoEqualRunsGiveOneDecidedThreshold() {
        // the p* example twice, separated by a concave bend: both runs cross at the same p
        double[] y1 = {0, 0, 0.01, 1.02, 3.03, 5.05};
        double[] x = new double[13];
        double[] y = new double[13];
        for (int i = 0; i < 6; i++) {
            x[i] = i;
            y[i] = y1[i];
            x[12 - i] = 12 - i;
            y[12 - i] = y1[i];
        }
        x[6] = 6;
        y[6] = 7.05;
        Threshold one = thresholds.solve(UnivariateDataset.of(new double[] {0, 1, 2, 3, 4, 5}, y1));
        Threshold both = thresholds.solve(UnivariateDataset.of(x, y));
        assertTrue(both.decided(), both.toString());
        assertEquals(one.pStar(), both.pStar(), 1e-12);
    }

    @Test
    void overlappingCrossingsOfTwoRunsCombine() {
        var decidedA = new ThresholdSolver.Crossing(0.5, 0.5 + 1e-12, 0.5, true, 0, 1);
        var decidedB = new ThresholdSolver.Crossing(0.5 - 1e-12, 0.5 + 2e-12, 0.5, true, 2, 3);
        var combined = ThresholdSolver.Crossing.first(decidedA, decidedB);
        assertTrue(combined.decided());
        assertEquals(0.5 - 1e-12, combined.lower());
        assertEquals(0.5 + 1e-12, combined.upper());
        var undecided = new ThresholdSolver.Crossing(0.4, 1, Double.NaN, false, 4, 5);
        var mixed = ThresholdSolver.Crossing.first(decidedA, undecided);
        assertFalse(mixed.decided());
        assertEquals(0.4, mixed.lower());
        assertEquals(0.5 + 1e-12, mixed.upper(), "a decided crossing bounds where p* must have happened");
        var earlier = new ThresholdSolver.Crossing(0.2, 0.2 + 1e-13, 0.2, true, 6, 7);
        assertEquals(earlier, ThresholdSolver.Crossing.first(undecided, earlier));
    }

    @Test
    void dataTheFitRefusesAreRefusedTheSameWay() {
        // slopes that underflow (x ~ 1e149, y ~ 1e-251): once "0 neurons, none below 1, certified"
        UnivariateDataset d = UnivariateDataset.of(new double[] {1e149, 2e149, 3e149, 4e149, 5e149, 6e149},
                new double[] {1e-251, 3e-251, 2e-251, 5e-251, 1e-251, 4e-251});
        var fit = org.junit.jupiter.api.Assertions.assertThrows(dev.sparsest.data.InvalidDataException.class,
                () -> solver.solve(d, Penalty.l0()));
        var threshold = org.junit.jupiter.api.Assertions.assertThrows(dev.sparsest.data.InvalidDataException.class,
                () -> thresholds.solve(d));
        assertEquals(fit.getMessage(), threshold.getMessage());
        assertTrue(fit.getMessage().contains("underflows"), fit.getMessage());
    }

    @Test
    void belowPStarTheLpOptimumIsSparsestAndJustAboveItIsNot() {
        int[] withThreshold = {0};
        int tries = Prop.forAll("belowPStarTheLpOptimumIsSparsestAndJustAboveItIsNot", PointsGen.curved(6, 30))
                .shrinkWith(Points.shrinker(6))
                .check(pts -> {
                    UnivariateDataset d = UnivariateDataset.of(pts.x(), pts.y());
                    Threshold t = thresholds.solve(d);
                    int l0 = t.l0Neurons();
                    if (t.noneBelowOne()) {
                        for (double p : new double[] {0.05, 0.5, 0.95}) {
                            assertEquals(l0, solver.solve(d, Penalty.lp(p)).neurons(), "p = " + p);
                        }
                        return;
                    }
                    assertTrue(t.decided(), "no undecided crossings on these data: " + t);
                    double ps = t.pStar();
                    withThreshold[0]++;
                    assertTrue(ps > 0 && ps < 1);
                    for (double f : new double[] {0.1, 0.5, 0.9, 1 - 1e-6}) {
                        assertEquals(l0, solver.solve(d, Penalty.lp(ps * f)).neurons(), "p = " + ps * f + " below p* = " + ps);
                    }
                    int above = solver.solve(d, Penalty.lp(Math.min(ps * (1 + 1e-6), 1 - 1e-12))).neurons();
                    assertTrue(above > l0, "just above p* = " + ps + ": " + above + " neurons, l0 = " + l0);
                });
        assertTrue(withThreshold[0] >= tries / 5, "too few cases with p* < 1 to test: " + withThreshold[0] + " of " + tries);
    }

    @Test
    void pStarAgreesWithAnExhaustiveScanOverAllTilings() {
        int[] withThreshold = {0};
        int tries = Prop.forAll("pStarAgreesWithAnExhaustiveScanOverAllTilings", PointsGen.curved(6, 11))
                .shrinkWith(Points.shrinker(6))
                .tries(150)
                .check(pts -> {
                    UnivariateDataset d = UnivariateDataset.of(pts.x(), pts.y());
                    Threshold t = thresholds.solve(d);
                    double scan = exhaustiveFirstCrossing(pts.x(), pts.y(), GRID);
                    if (Double.isNaN(scan)) {
                        assertTrue(t.noneBelowOne() || t.pStar() > 1 - 1.0 / GRID, "scan found none, solver " + t);
                    } else {
                        withThreshold[0]++;
                        assertTrue(t.decided(), "scan found a crossing at " + scan + ", solver " + t);
                        assertTrue(t.pStar() <= scan && t.pStar() > scan - 1.0 / GRID,
                                "solver p* " + t.pStar() + ", scan " + scan);
                    }
                });
        assertTrue(withThreshold[0] >= tries / 10, "too few cases with p* < 1 to test: " + withThreshold[0] + " of " + tries);
    }

    /**
     * Independent oracle: all chord paths (every tiling of every run) listed explicitly with their
     * slope changes; the first grid p at which the cheapest path has more knots than the fewest.
     */
    static double exhaustiveFirstCrossing(double[] x, double[] y, int grid) {
        List<double[]> paths = new ArrayList<>();
        int n = x.length;
        double[] s = new double[n - 1];
        for (int j = 0; j < n - 1; j++) {
            s[j] = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        }
        enumerate(s, 0, new ArrayList<>(), paths);
        int fewest = Integer.MAX_VALUE;
        for (double[] p : paths) {
            fewest = Math.min(fewest, p.length);
        }
        for (int k = 1; k < grid; k++) {
            double p = (double) k / grid;
            double bestSparse = Double.POSITIVE_INFINITY;
            double bestOther = Double.POSITIVE_INFINITY;
            for (double[] path : paths) {
                double c = 0;
                for (double v : path) {
                    c += Math.pow(Math.abs(v), p);
                }
                if (path.length == fewest) {
                    bestSparse = Math.min(bestSparse, c);
                } else {
                    bestOther = Math.min(bestOther, c);
                }
            }
            if (bestOther < bestSparse) {
                return p;
            }
        }
        return Double.NaN;
    }

    private static void enumerate(double[] s, int chord, List<Double> changes, List<double[]> out) {
        int last = s.length - 1;
        if (chord == last) {
            out.add(changes.stream().mapToDouble(Double::doubleValue).filter(v -> v != 0).toArray());
            return;
        }
        double a1 = s[chord + 1] - s[chord];
        changes.add(a1);
        enumerate(s, chord + 1, changes, out);
        changes.remove(changes.size() - 1);
        if (chord + 2 <= last) {
            double a2 = s[chord + 2] - s[chord + 1];
            if (a1 != 0 && a2 != 0 && Math.signum(a1) == Math.signum(a2)) {
                changes.add(a1 + a2);
                enumerate(s, chord + 2, changes, out);
                changes.remove(changes.size() - 1);
            }
        }
    }
}
