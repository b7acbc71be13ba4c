package dev.sparsest.exact;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.Dataset1D;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.model.UnivariateNetwork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact solver on arbitrary doubles: NaN, infinities, subnormals, 1e-300..1e300, repeated x,
 * nearly collinear points (the provider picks a regime). Either {@link InvalidDataException}
 * (the documented refusals: non-finite values, repeated x with different y, fewer than one point,
 * slopes or curvatures that overflow) or a network that interpolates within 1e-9 of max|y| (the
 * solver's documented tolerance), has at most N - 2 knots, all inside [x_2, x_N-1], and, for N
 * up to 9 and curvatures clear of zero, the least l^p cost over all chord paths (brute force,
 * 1e-9 relative).
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
        Dataset1D d;
        ExactSolution s;
        try {
            d = Dataset1D.of(x, y);
            s = new ChordPathSolver().solve(d, penalty);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        UnivariateNetwork f = s.network();
        int m = d.size();
        double yScale = d.yScale();
        for (int i = 0; i < m; i++) {
            double err = Math.abs(f.evaluate(d.x(i)) - d.y(i));
            assertTrue(err <= 1e-9 * yScale, "point " + i + ": error " + err + " of scale " + yScale);
        }
        assertTrue(f.neurons() <= Math.max(0, m - 2), f.neurons() + " knots for " + m + " points");
        for (int j = 0; j < f.neurons(); j++) {
            assertTrue(f.knot(j) >= d.x(Math.min(1, m - 1)) && f.knot(j) <= d.x(Math.max(0, m - 2)), "knot " + f.knot(j) + " outside");
        }
        if (m <= 9 && penalty.p() > 0 && regime != 2 && regime != 0 && curvaturesClearOfZero(d)) {
            BruteForce.PathOptimum best = BruteForce.bestChordPath(d.xs(), d.ys(), penalty.p());
            assertEquals(best.cost(), s.cost(), 1e-9 * Math.max(1, best.cost()), "least cost over all chord paths");
        }
    }

    /**
     * Whether every curvature is exactly zero or clearly not (above 1e-6 of its slopes' scale).
     * Between the two the solver (tolerance 1e-11 of the rounding error) and the brute force
     * (1e-9) may disagree on whether a knot is needed, and a knot of slope change c costs |c|^p,
     * which is not small for small p: the fuzzer found 6.6e-11 costing 5e-4 at p = 0.33.
     */
    private static boolean curvaturesClearOfZero(Dataset1D d) {
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
