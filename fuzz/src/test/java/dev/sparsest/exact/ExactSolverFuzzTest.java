package dev.sparsest.exact;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.prop.ExactMaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact solver on arbitrary doubles: NaN, infinities, subnormals, 1e-300..1e300, repeated x,
 * nearly collinear points (the provider picks a regime), then, on some inputs, an exact offset
 * of up to 2^52 added to x or y. Either {@link InvalidDataException} (the documented refusals:
 * non-finite values, repeated x with different y, fewer than one point, slopes that overflow or
 * underflow, curvatures that overflow) or a network that
 * <ul>
 *   <li>interpolates to its documented accuracy, checked here in a closed form independent of
 *       the solver's own check: 64 u N (max|y| + max|s| (3 max|x| + span)) for rounding plus
 *       4 tol N (range of y + max|s| span) for dropped curvatures;</li>
 *   <li>has at most N - 2 knots, all inside [x_2, x_N-1], and never fewer than its lower bound;</li>
 *   <li>keeps its neuron count when the offset is taken away again (offsets exact in doubles);</li>
 *   <li>for N up to 9 and curvatures clear of zero, has the least l^p cost over all chord paths
 *       (brute force, 1e-9 relative).</li>
 * </ul>
 * ({@link ThresholdFuzzTest} checks that the threshold refuses what the fit's validation refuses.)
 */
class ExactSolverFuzzTest {

    @FuzzTest
    void arbitraryDataGiveAnInterpolantOrInvalidData(FuzzedDataProvider data) {
        int n = data.consumeInt(0, 24);
        int regime = data.consumeInt(0, 3);
        double[] x = new double[n];
        double[] y = new double[n];
        double scale = Math.pow(10, data.consumeInt(-300, 300)); // regime 3: one scale for the whole set
        for (int i = 0; i < n; i++) {
            switch (regime) {
                case 0: // anything at all
                    x[i] = data.consumeDouble();
                    y[i] = data.consumeDouble();
                    break;
                case 1: // few distinct x: many repeats
                    x[i] = data.consumeInt(-3, 3);
                    y[i] = data.consumeInt(-2, 2);
                    break;
                case 2: // nearly collinear
                    x[i] = i + data.consumeRegularDouble(-0.4, 0.4);
                    y[i] = 3 * x[i] + 1 + data.consumeRegularDouble(-1e-9, 1e-9);
                    break;
                default: // one scale, tiny to huge
                    x[i] = (i + data.consumeRegularDouble(0, 0.9)) * scale;
                    y[i] = data.consumeRegularDouble(-1, 1) * scale;
                    break;
            }
        }
        Penalty penalty = data.consumeBoolean() ? Penalty.l0()
                : data.consumeBoolean() ? Penalty.l1() : Penalty.lp(data.consumeRegularDouble(0.01, 0.99));
        int offsetAxis = data.consumeInt(0, 2); // 0: none, 1: y, 2: x (consumed last: older inputs keep their meaning)
        double offset = Math.scalb((double) data.consumeInt(-1000, 1000), data.consumeInt(0, 42));
        double[] original = offsetAxis == 1 ? y.clone() : x.clone();
        boolean shifted = offsetAxis != 0 && ExactMaps.shiftIfExact(offsetAxis == 1 ? y : x, offset);
        UnivariateDataset d;
        ExactSolution s;
        try {
            d = UnivariateDataset.of(x, y);
            s = new ChordPathSolver().solve(d, penalty);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        UnivariateNetwork f = s.network();
        int m = d.size();
        double bound = documentedAccuracy(d, s.tolerance());
        for (int i = 0; i < m; i++) {
            double err = Math.abs(f.evaluate(d.x(i)) - d.y(i));
            assertTrue(err <= bound, "point " + i + ": error " + err + " beyond " + bound);
        }
        assertTrue(f.neurons() <= Math.max(0, m - 2), f.neurons() + " knots for " + m + " points");
        assertTrue(f.neurons() >= s.l0LowerBound(), f.neurons() + " neurons below the lower bound " + s.l0LowerBound());
        if (m <= 24) {
            // an independent oracle: at tol = 0 the l0 count is sum over runs of ceil(run / 2) of
            // the exact curvature signs (BigDecimal)
            try {
                int exactCount = new ChordPathSolver(0).solve(d, Penalty.l0()).neurons();
                assertEquals(exactRunCount(d), exactCount, "tol = 0: the count of the exact curvature signs");
            } catch (InvalidDataException e) {
                // tol = 0 keeps curvatures that rounding may lose: its result check can refuse
            }
        }
        if (shifted) {
            double[] bx = offsetAxis == 2 ? original : x;
            double[] by = offsetAxis == 1 ? original : y;
            try {
                ExactSolution back = new ChordPathSolver().solve(UnivariateDataset.of(bx, by), penalty);
                assertEquals(back.neurons(), s.neurons(), "the offset " + offset + " changed the neuron count");
            } catch (InvalidDataException e) {
                // the data without the offset may be what doubles cannot answer (subnormal gaps)
            }
        }
        for (int j = 0; j < f.neurons(); j++) {
            assertTrue(f.knot(j) >= d.x(Math.min(1, m - 1)) && f.knot(j) <= d.x(Math.max(0, m - 2)), "knot " + f.knot(j) + " outside");
        }
        if (m <= 9 && penalty.p() > 0 && regime != 2 && regime != 0 && curvaturesClearOfZero(d)) {
            BruteForce.PathOptimum best = BruteForce.bestChordPath(d.xs(), d.ys(), penalty.p());
            assertEquals(best.cost(), s.cost(), 1e-9 * Math.max(1, best.cost()), "least cost over all chord paths");
        }
    }


    /** sum over maximal runs of equal nonzero exact curvature sign of ceil(run / 2). */
    private static int exactRunCount(UnivariateDataset d) {
        int n = d.size();
        int[] sign = new int[n];
        for (int i = 1; i + 1 < n; i++) {
            java.math.BigDecimal dx1 = new java.math.BigDecimal(d.x(i)).subtract(new java.math.BigDecimal(d.x(i - 1)));
            java.math.BigDecimal dx2 = new java.math.BigDecimal(d.x(i + 1)).subtract(new java.math.BigDecimal(d.x(i)));
            java.math.BigDecimal dy1 = new java.math.BigDecimal(d.y(i)).subtract(new java.math.BigDecimal(d.y(i - 1)));
            java.math.BigDecimal dy2 = new java.math.BigDecimal(d.y(i + 1)).subtract(new java.math.BigDecimal(d.y(i)));
            sign[i] = dy2.multiply(dx1).subtract(dy1.multiply(dx2)).signum();
        }
        int total = 0;
        for (int i = 1; i + 1 < n; ) {
            int j = i;
            while (sign[i] != 0 && j + 2 < n && sign[j + 1] == sign[i]) {
                j++;
            }
            total += sign[i] == 0 ? 0 : (j - i + 2) / 2;
            i = j + 1;
        }
        return total;
    }

    /** The solver's documented accuracy in a looser closed form (see the class comment). */
    private static double documentedAccuracy(UnivariateDataset d, double tolerance) {
        int n = d.size();
        double yMax = 0;
        double xMax = 0;
        double sMax = 0;
        double yMin = Double.POSITIVE_INFINITY;
        double yTop = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            yMax = Math.max(yMax, Math.abs(d.y(i)));
            xMax = Math.max(xMax, Math.abs(d.x(i)));
            yMin = Math.min(yMin, d.y(i));
            yTop = Math.max(yTop, d.y(i));
            if (i > 0) {
                sMax = Math.max(sMax, Math.abs((d.y(i) - d.y(i - 1)) / (d.x(i) - d.x(i - 1))));
            }
        }
        double span = d.x(n - 1) - d.x(0);
        return 64 * 0x1p-53 * n * (yMax + sMax * (3 * xMax + span)) + 4 * tolerance * n * ((yTop - yMin) + sMax * span);
    }

    /**
     * Whether every curvature is exactly zero or clearly not (above 1e-6 of its slopes' scale).
     * Between the two the solver (tolerance 1e-11 of the rounding error) and the brute force
     * (1e-9) may disagree on whether a knot is needed, and a knot of slope change c costs |c|^p,
     * which is not small for small p: the fuzzer found 6.6e-11 costing 5e-4 at p = 0.33.
     */
    private static boolean curvaturesClearOfZero(UnivariateDataset d) {
        for (int i = 1; i + 1 < d.size(); i++) {
            double left = (d.y(i) - d.y(i - 1)) / (d.x(i) - d.x(i - 1));
            double right = (d.y(i + 1) - d.y(i)) / (d.x(i + 1) - d.x(i));
            double a = Math.abs(right - left);
            if (a != 0 && a <= 1e-6 * (Math.abs(left) + Math.abs(right) + d.yScale() / (d.x(i + 1) - d.x(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
