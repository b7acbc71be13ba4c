package dev.sparsest.exact;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every claim of {@link ThresholdSolver} checked against {@link PStarReference} (40 digits, exact
 * curvatures) on 510 datasets: 300 from the curved-runs generator, 120 built so that p* is near 1
 * or absent by a hair (the first-order cost difference at p = 1 tuned to vanish, then perturbed by
 * 1e-2 .. 1e-14), 30 with two such runs (their crossings combine), and 60 whose one run has
 * curvatures over 3, 30 or 300 decades (where the gap can sink into rounding: undecided
 * results), half of the last two groups at tol = 0. For every result:
 * <ul>
 *   <li>none below 1: the reference gap is positive on a grid of 47 points and at 1 - 10^-k;</li>
 *   <li>decided p* in [lower, upper]: the reference gap is positive at lower, negative at upper,
 *       and positive at every grid point below lower;</li>
 *   <li>undecided from lower: positive at lower and at every grid point below it.</li>
 * </ul>
 * Certified results must never be contradicted; so must uncertified ones, whose only weakness is
 * the grid between samples.
 */
class ThresholdReferenceTest {
    private static final ThresholdSolver SOLVER = new ThresholdSolver();
    private static final ThresholdSolver EXACT_SIGNS = new ThresholdSolver(0);

    /** A dataset and the collinearity tolerance to solve it with. */
    private record Case(Points points, double tolerance) {
    }

    @Test
    void everyClaimAgreesWithTheExtendedPrecisionReference() {
        List<Case> data = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(20261207);
        var curved = PointsGen.curved(6, 12);
        for (int i = 0; i < 300; i++) {
            data.add(new Case(curved.next(r.split()), ChordGeometry.DEFAULT_TOLERANCE));
        }
        int nearOne = 0;
        double epsilon0 = firstOrderTie();
        double[] perturbations = {0, 1e-2, -1e-2, 1e-4, -1e-4, 1e-6, -1e-6, 1e-8, -1e-8, 1e-10, -1e-10, 1e-12, -1e-12, 1e-14, -1e-14};
        for (int variant = 0; variant < 8; variant++) {
            for (double d : perturbations) {
                data.add(new Case(nearOneRun(epsilon0 * (1 + d), r.split(), variant), ChordGeometry.DEFAULT_TOLERANCE));
                nearOne++;
            }
        }
        for (int i = 0; i < 30; i++) { // two near-tie runs, one bend apart: the runs' crossings combine
            double d1 = perturbations[r.nextInt(perturbations.length)];
            double d2 = perturbations[r.nextInt(perturbations.length)];
            data.add(new Case(twoRuns(epsilon0 * (1 + d1), epsilon0 * (1 + d2)), i % 2 == 0 ? 0 : ChordGeometry.DEFAULT_TOLERANCE));
        }
        for (int i = 0; i < 60; i++) { // curvatures over 3, 30 or 300 decades in one run: rounding-limited gaps
            data.add(new Case(wideRun(r.split(), i % 3 == 0 ? 300 : i % 3 == 1 ? 30 : 3), i % 2 == 0 ? 0 : ChordGeometry.DEFAULT_TOLERANCE));
        }
        int[] counts = new int[3];
        int nearOneDecidedAbove = 0;
        int uncertified = 0;
        for (int k = 0; k < data.size(); k++) {
            Case c = data.get(k);
            Points p = c.points;
            Threshold t = (c.tolerance == 0 ? EXACT_SIGNS : SOLVER).solve(UnivariateDataset.of(p.x(), p.y()));
            counts[t.status().ordinal()]++;
            uncertified += t.certified() ? 0 : 1;
            if (t.decided() && t.pStar() > 0.999) {
                nearOneDecidedAbove++;
            }
            check(t, new PStarReference(p.x(), p.y(), c.tolerance), "dataset " + k + " tol " + c.tolerance + " " + p);
        }
        System.out.printf("ThresholdReferenceTest: %d datasets (%d built near p = 1, 30 with two runs, 60 with curvatures over"
                + " up to 300 decades): %d none below 1, %d decided (%d above 0.999), %d undecided, %d uncertified;"
                + " no claim contradicted%n",
                data.size(), nearOne, counts[0], counts[1], nearOneDecidedAbove, counts[2], uncertified);
        assertTrue(data.size() >= 500);
        assertTrue(counts[1] >= 60, "too few decided crossings to test: " + counts[1]);
        assertTrue(counts[0] >= 30, "too few datasets without a crossing: " + counts[0]);
        assertTrue(counts[2] >= 3, "too few undecided results to test: " + counts[2]);
    }

    /** Curvatures (e1, 1, 1, e1), a bend of the other sign, then (e2, 1, 1, e2): two runs that can cross. */
    private static Points twoRuns(double e1, double e2) {
        double[] curvatures = {e1, 1, 1, e1, -3, e2, 1, 1, e2};
        int n = curvatures.length + 2;
        double[] x = new double[n];
        double[] y = new double[n];
        double slope = 0;
        for (int i = 1; i < n; i++) {
            x[i] = i;
            y[i] = y[i - 1] + slope;
            if (i - 1 < curvatures.length) {
                slope += curvatures[i - 1];
            }
        }
        return new Points(x, y);
    }

    /** One convex run of 4-9 curvatures of magnitude 10^U(-decades/2, decades/2). */
    private static Points wideRun(SplittableRandom r, int decades) {
        int m = 4 + r.nextInt(6);
        int n = m + 2;
        double[] x = new double[n];
        double[] y = new double[n];
        double slope = r.nextDouble() - 0.5;
        for (int i = 1; i < n; i++) {
            x[i] = i;
            y[i] = y[i - 1] + slope;
            if (i - 1 < m) {
                slope += Math.pow(10, decades * (r.nextDouble() - 0.5));
            }
        }
        return new Points(x, y);
    }

    private static void check(Threshold t, PStarReference ref, String what) {
        double below = t.noneBelowOne() ? ThresholdSolver.UPPER : t.lower();
        for (double p : grid()) {
            if (p < below && ref.gap(p).signum() <= 0) {
                fail(t + " but the reference gap is " + ref.gap(p).doubleValue() + " at p = " + p + ": " + what);
            }
        }
        if (t.noneBelowOne()) {
            return;
        }
        BigDecimal atLower = ref.gap(t.lower());
        assertTrue(atLower.signum() > 0, t + ": reference gap " + atLower.doubleValue() + " at lower: " + what);
        if (t.decided()) {
            BigDecimal atUpper = ref.gap(t.upper());
            assertTrue(atUpper.signum() < 0, t + ": reference gap " + atUpper.doubleValue() + " at upper: " + what);
            assertTrue(t.pStar() >= t.lower() && t.pStar() <= t.upper(), t.toString());
        }
    }

    private static double[] grid() {
        double[] g = new double[47 + 8];
        for (int k = 1; k <= 47; k++) {
            g[k - 1] = k / 48.0;
        }
        for (int k = 2; k <= 9; k++) {
            g[47 + k - 2] = 1 - Math.pow(10, -k);
        }
        return g;
    }

    /**
     * The epsilon where curvatures (eps, 1, 1, eps) have their sparsest tiling [eps,1][1,eps] and
     * the tiling [eps][1,1][eps] at the same first-order cost at p = 1:
     * 2 (1 + eps) ln(1 + eps) = 2 eps ln eps + 2 ln 2. Below it p* &lt; 1; above it none.
     */
    private static double firstOrderTie() {
        double lo = 1e-3;
        double hi = 0.9;
        for (int i = 0; i < 200; i++) {
            double e = 0.5 * (lo + hi);
            double d = e * Math.log(e) + Math.log(2) - (1 + e) * Math.log(1 + e);
            if (d > 0) {
                lo = e;
            } else {
                hi = e;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Data whose one long run has curvatures (c eps, c, c, c eps) (variants: longer x steps, a
     * scale c, an offset and slope in y, and a fifth tiny curvature that leaves the tie alone).
     */
    private static Points nearOneRun(double eps, SplittableRandom r, int variant) {
        double c = variant % 2 == 0 ? 1 : Math.pow(10, r.nextInt(7) - 3);
        double h = variant % 4 < 2 ? 1 : 0.25 * (1 + r.nextInt(8));
        double[] curvatures = variant >= 4 ? new double[] {c * eps, c, c, c * eps, c * 1e-9} : new double[] {c * eps, c, c, c * eps};
        int n = curvatures.length + 2;
        double[] x = new double[n];
        double[] y = new double[n];
        double slope = r.nextInt(5) - 2;
        y[0] = variant % 3 == 0 ? 1000 : 0;
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + h;
            y[i] = y[i - 1] + slope * h;
            if (i - 1 < curvatures.length) {
                slope += curvatures[i - 1] / h;
            }
        }
        return new Points(x, y);
    }
}
