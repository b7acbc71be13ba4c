package dev.sparsest.exact;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.prop.ExactMaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The threshold solver on arbitrary data (regimes: any doubles; long convex or concave runs whose
 * curvatures span up to 30 orders of magnitude; the p* example family near its first-order tie;
 * each optionally shifted by an exact offset up to 2^52 in x or y). Either the fit's refusal
 * ({@link InvalidDataException}, the same message as the fit's validation) or a result whose
 * claims hold:
 * <ul>
 *   <li>its fields agree with its status (NaN where nothing is claimed; a decided bracket inside
 *       (0, 1) and narrower than a millionth of p*);</li>
 *   <li>the l0 count is the fit's lower bound, and below the bracket (or anywhere, for none
 *       below 1) the l^p fit is sparsest;</li>
 *   <li>for up to 14 points and a certified result, the 40-digit reference ({@link PStarReference})
 *       finds the cost gap positive below the claim (at {@code lower} and half of it, or for none
 *       below 1 at six points up to 1 - 1e-9) and negative at a decided {@code upper}.</li>
 * </ul>
 */
class ThresholdFuzzTest {
    /**
     * A work budget a hundredth of the default: wild data that spend the default (a second or
     * two) reach the uncertified fallback sooner, which keeps the fuzzer's rate up; the claims
     * checked do not depend on the budget.
     */
    private static final ThresholdSolver SOLVER = new ThresholdSolver(ChordGeometry.DEFAULT_TOLERANCE, ThresholdSolver.WORK_BUDGET / 100);

    @FuzzTest
    void thresholdClaimsHoldOrInvalidData(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 2);
        int n = regime == 2 ? 6 : data.consumeInt(0, 40);
        double[] x = new double[n];
        double[] y = new double[n];
        switch (regime) {
            case 0 -> {
                for (int i = 0; i < n; i++) {
                    x[i] = data.consumeDouble();
                    y[i] = data.consumeDouble();
                }
            }
            case 1 -> {
                double slope = data.consumeRegularDouble(-10, 10);
                for (int i = 0; i < n; i++) {
                    x[i] = i == 0 ? 0 : x[i - 1] + data.consumeRegularDouble(1e-3, 10);
                    y[i] = i == 0 ? 0 : y[i - 1] + slope * (x[i] - x[i - 1]);
                    double flip = data.consumeInt(0, 9) == 0 ? -1 : 1;
                    slope += flip * Math.pow(10, data.consumeRegularDouble(-15, 15));
                }
            }
            default -> { // curvatures (e, 1, 1, e) near the first-order tie e = 0.2280...
                double e = 0.22800 * (1 + data.consumeRegularDouble(-1e-3, 1e-3));
                double[] curvature = {e, 1, 1, e};
                double slope = 0;
                for (int i = 1; i < n; i++) {
                    x[i] = i;
                    y[i] = y[i - 1] + slope;
                    if (i - 1 < curvature.length) {
                        slope += curvature[i - 1];
                    }
                }
            }
        }
        int offsetAxis = data.consumeInt(0, 2);
        double offset = Math.scalb((double) data.consumeInt(-1000, 1000), data.consumeInt(0, 42));
        if (offsetAxis != 0) {
            ExactMaps.shiftIfExact(offsetAxis == 1 ? y : x, offset);
        }
        UnivariateDataset d;
        Threshold t;
        try {
            d = UnivariateDataset.of(x, y);
            t = SOLVER.solve(d);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            try {
                new ChordPathSolver().solve(UnivariateDataset.of(x, y), Penalty.l0());
            } catch (InvalidDataException fit) {
                assertEquals(e.getMessage(), fit.getMessage(), "one validation path");
                return;
            }
            throw new AssertionError("the fit answered data the threshold refused: " + e.getMessage());
        }
        switch (t.status()) {
            case NONE_BELOW_ONE -> assertTrue(Double.isNaN(t.pStar()) && Double.isNaN(t.lower()) && Double.isNaN(t.upper()), t.toString());
            case DECIDED -> {
                assertTrue(t.lower() > 0 && t.lower() <= t.pStar() && t.pStar() <= t.upper() && t.upper() < 1, t.toString());
                assertTrue(t.upper() - t.lower() <= 1e-6 * t.upper(), t.toString());
            }
            default -> assertTrue(Double.isNaN(t.pStar()) && t.lower() > 0 && t.lower() <= t.upper() && t.upper() <= 1, t.toString());
        }
        ExactSolution l0;
        try {
            l0 = new ChordPathSolver().solve(d, Penalty.l0());
        } catch (InvalidDataException e) {
            return; // the fit's own result check can refuse what the threshold never builds
        }
        assertEquals(l0.l0LowerBound(), t.l0Neurons());
        double below = t.noneBelowOne() ? 0.5 : 0.5 * t.lower();
        if (below > 1e-3) {
            try {
                assertEquals(t.l0Neurons(), new ChordPathSolver().solve(d, Penalty.lp(below)).neurons(), "p = " + below + " below " + t);
            } catch (InvalidDataException e) {
                // as above
            }
        }
        if (d.size() <= 14 && t.certified()) {
            PStarReference ref = new PStarReference(d.xs(), d.ys(), ChordGeometry.DEFAULT_TOLERANCE);
            double[] claimed = t.noneBelowOne() ? new double[] {0.25, 0.5, 0.9, 0.999, 1 - 1e-6, ThresholdSolver.UPPER}
                    : new double[] {0.5 * t.lower(), t.lower()};
            for (double p : claimed) {
                assertTrue(ref.gap(p).signum() > 0, "reference gap not positive at p = " + p + ": " + t);
            }
            if (t.decided()) {
                assertTrue(ref.gap(t.upper()).signum() < 0, "reference gap not negative at upper: " + t);
            }
        }
    }

}
