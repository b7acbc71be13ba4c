package dev.sparsest.exact;

import dev.sparsest.data.Dataset1D;
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
 * curvatures) on 420 datasets: 300 from the curved-runs generator and 120 built so that p* is
 * near 1 or absent by a hair (the first-order cost difference at p = 1 tuned to vanish, then
 * perturbed by 1e-2 .. 1e-14). For every result:
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

    @Test
    void everyClaimAgreesWithTheExtendedPrecisionReference() {
        List<Points> data = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(20261207);
        var curved = PointsGen.curved(6, 12);
        for (int i = 0; i < 300; i++) {
            data.add(curved.next(r.split()));
        }
        int nearOne = 0;
        double epsilon0 = firstOrderTie();
        double[] perturbations = {0, 1e-2, -1e-2, 1e-4, -1e-4, 1e-6, -1e-6, 1e-8, -1e-8, 1e-10, -1e-10, 1e-12, -1e-12, 1e-14, -1e-14};
        for (int variant = 0; variant < 8; variant++) {
            for (double d : perturbations) {
                data.add(nearOneRun(epsilon0 * (1 + d), r.split(), variant));
                nearOne++;
            }
        }
        int[] counts = new int[3];
        int nearOneDecidedAbove = 0;
        for (int k = 0; k < data.size(); k++) {
            Points p = data.get(k);
            Threshold t = SOLVER.solve(Dataset1D.of(p.x(), p.y()));
            counts[t.status().ordinal()]++;
            if (t.decided() && t.pStar() > 0.999) {
                nearOneDecidedAbove++;
            }
            check(t, new PStarReference(p.x(), p.y(), ChordGeometry.DEFAULT_TOLERANCE), "dataset " + k + " " + p);
        }
        System.out.printf("ThresholdReferenceTest: %d datasets (%d built near p = 1): %d none below 1, %d decided"
                + " (%d above 0.999), %d undecided; no claim contradicted%n",
                data.size(), nearOne, counts[0], counts[1], nearOneDecidedAbove, counts[2]);
        assertTrue(data.size() >= 400);
        assertTrue(counts[1] >= 60, "too few decided crossings to test: " + counts[1]);
        assertTrue(counts[0] >= 30, "too few datasets without a crossing: " + counts[0]);
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
