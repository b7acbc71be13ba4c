package dev.sparsest.noisy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.model.Shape;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both noisy-data modes on arbitrary input: NaN, infinities, negative tolerances, repeated x
 * (with conflicting tubes), clustered x, one scale from 1e-300 to 1e300 (the provider picks a
 * regime). Either {@link InvalidDataException} with a message, or: a tube fit inside every
 * tube within the solver's documented bound, with at most N - 2 knots, no more than the
 * union dynamic program of the tests and, for N &lt;= 7 on spread-out x, exactly the fewest (LP
 * brute force); a penalized fit meeting its optimality
 * conditions (as in {@code NoisyProperties}) and a lambda path that ends at 0 with the residual
 * growing in lambda.
 */
class NoisyFuzzTest {

    /** x, y and per-row tolerances from the provider; null when it ran dry. */
    private static NoisyData read(FuzzedDataProvider data, int regime) {
        int n = data.consumeInt(0, 20);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] eps = new double[n];
        double scale = Math.pow(10, data.consumeInt(-300, 300));
        for (int i = 0; i < n; i++) {
            switch (regime) {
                case 0: // anything at all
                    x[i] = data.consumeDouble();
                    y[i] = data.consumeDouble();
                    eps[i] = data.consumeDouble();
                    break;
                case 1: // few distinct x: repeats, tubes that may not overlap
                    x[i] = data.consumeInt(-3, 3);
                    y[i] = data.consumeInt(-2, 2);
                    eps[i] = data.consumeInt(0, 2) * 0.5;
                    break;
                case 2: // clusters of x 1e-6 apart
                    x[i] = (i / 3) + 1e-6 * (i % 3) + data.consumeRegularDouble(0, 1e-7);
                    y[i] = data.consumeRegularDouble(-1, 1);
                    eps[i] = data.consumeRegularDouble(0, 0.1);
                    break;
                default: // spread out, one scale, tiny to huge
                    x[i] = (i + data.consumeRegularDouble(0, 0.9)) * scale;
                    y[i] = data.consumeRegularDouble(-1, 1) * scale;
                    eps[i] = data.consumeRegularDouble(0, 0.3) * scale;
                    break;
            }
        }
        return NoisyData.withTolerances(x, y, eps);
    }

    /** The same tubes, each {@code delta} wider on both sides. */
    static NoisyData widened(NoisyData d, double delta) {
        int n = d.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.x(i);
            y[i] = 0.5 * (d.lower(i) + d.upper(i));
            eps[i] = 0.5 * (d.upper(i) - d.lower(i)) + delta;
        }
        return NoisyData.withTolerances(x, y, eps);
    }

    /** The data exactly (Double.toString round-trips), for replaying a finding. */
    static String describe(NoisyData d) {
        StringBuilder b = new StringBuilder("x, lower, upper:");
        for (int i = 0; i < d.size(); i++) {
            b.append(' ').append(d.x(i)).append(", ").append(d.lower(i)).append(", ").append(d.upper(i)).append(';');
        }
        return b.toString();
    }

    @FuzzTest
    void tubeFitsStayInTheTubeOrInvalidData(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 3);
        TubeFit fit;
        NoisyData d;
        try {
            d = read(data, regime);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        try {
            fit = new TubeSolver().solve(d);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("tube solver failed on " + describe(d), e);
        }
        int n = d.size();
        double[] v = new double[n];
        fit.network().evaluateSorted(d.xs(), v);
        double span = d.x(n - 1) - d.x(0);
        double minGap = NoisyProperties.minGap(d);
        // the solver's documented bound: TUBE_TOLERANCE of the y range, the offset's rounding, twice its widening
        double widening = TubeSolver.widening(TubeSolver.slopeBound(minGap / span));
        UnivariateScaling sc = new UnivariateScaling(d);
        double tol = TubeSolver.TUBE_TOLERANCE * sc.yUnit + 64 * 0x1p-53 * Math.abs(sc.y0) + 2 * widening * sc.yUnit;
        for (int i = 0; i < n; i++) {
            assertTrue(v[i] >= d.lower(i) - tol && v[i] <= d.upper(i) + tol,
                    "f(" + d.x(i) + ") = " + v[i] + " outside [" + d.lower(i) + ", " + d.upper(i) + "]");
        }
        assertTrue(fit.neurons() <= Math.max(0, n - 2), fit.neurons() + " knots for " + n + " points");
        // the first solver (a dynamic program over unions of polygons, same scaling and
        // widening) never needs fewer knots, up to its clipping slack (1e-12 of its polygons'
        // terms: found 2 knots where the window solver's 3 were needed, its 2-knot function
        // outside the widened tubes by 7% of the widening): a real miss would still show with
        // every tube half a widening wider
        int union = TubeUnionReference.fewestKnots(d);
        if (fit.minimumKnots() > union) {
            double half = 0.5 * widening * new UnivariateScaling(d).yUnit;
            int wider = new TubeSolver().solve(widened(d, half)).minimumKnots();
            assertTrue(wider <= union, fit.minimumKnots() + " knots (" + wider + " with tubes " + half
                    + " wider), the union dynamic program found " + union + " on " + describe(d));
        }
        // the LP oracle's margins are absolute: only where the y variation (not just max|y|) is near
        // unit scale (found: 1e-31 data, LP said 1 knot for 2; y = -1 + 5.6e-13 at one point, LP said 0 for 1)
        double yVariation = new UnivariateScaling(d).yUnit;
        if (regime == 3 && n <= 7 && yVariation > 1e-2 && yVariation < 1e2 && span > 1e-2 && span < 1e3) {
            int lp = TubeBruteForce.fewestKnots(d);
            // more knots than the LP: an error when the LP's witness holds to a hundredth of the
            // solver's widening (then it is a solution of the widened problem too). ojAlgo's
            // tolerances accepted patterns infeasible by 2e-10 and 4.6e-12 (found by fuzzing),
            // features below the solver's resolution, where the two may disagree
            double resolution = widening * new UnivariateScaling(d).yUnit;
            assertTrue(fit.minimumKnots() <= lp || TubeBruteForce.fewestKnotsCertified(d, 0.01 * resolution) != lp,
                    fit.minimumKnots() + " knots, the LP brute force found " + lp + " with a witness that holds");
            if (fit.minimumKnots() < lp) {
                // the LP certifies a curvature sign only beyond its margin (1e-7): a pattern whose
                // bends are thinner (found: 4.7e-10 between zero-width tubes, 2 knots exactly
                // feasible, the LP said 4) escapes it; then the fit itself must be the witness,
                // inside the tubes up to the solver's documented widening alone
                assertTrue(fit.maxExcess() <= 2 * widening * new UnivariateScaling(d).yUnit + 1e-12 * Math.max(yVariation, d.yScale()),
                        "fewer knots than the LP (" + fit.minimumKnots() + " < " + lp + ") but outside the tube by " + fit.maxExcess());
            }
        }
    }

    @FuzzTest
    void penalizedFitsMeetTheirOptimalityConditionsOrInvalidData(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 3);
        double fraction = data.consumeRegularDouble(0, 2);
        NoisyData d;
        PenalizedSolver solver = new PenalizedSolver();
        PenalizedFit fit;
        double lambda;
        List<PathPoint> path;
        try {
            d = read(data, regime);
            lambda = fraction * solver.lambdaMax(d);
            fit = solver.solve(d, lambda);
            path = solver.path(d, 40);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        int n = d.size();
        double span = d.x(n - 1) - d.x(0);
        double minGap = NoisyProperties.minGap(d);
        double violation = Kkt.violation(d, fit.fitted(), lambda, 1e-9 * d.yScale() / minGap);
        assertTrue(violation <= 1e-8 * lambda + 1e-12 * d.yScale() * span * n, "KKT violation " + violation + " at lambda " + lambda + " on " + describe(d));
        for (int i = 1; i < path.size(); i++) {
            assertTrue(path.get(i).lambda() <= path.get(i - 1).lambda(), "lambda decreases along the path");
            assertTrue(path.get(i).residualSumOfSquares() <= path.get(i - 1).residualSumOfSquares() * (1 + 1e-9)
                    + 1e-12 * d.yScale() * d.yScale() * n, "the residual grows with lambda: " + path.get(i - 1) + " then " + path.get(i) + " on " + describe(d));
        }
    }

    /** At most K knots on anything: a fit within its budget whose tolerance is the least the DP allows, or InvalidDataException. */
    @FuzzTest
    void knotBudgetFitsWithinItsBudgetOrInvalidData(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 3);
        int k = data.consumeInt(0, 5);
        NoisyData d;
        KnotBudget.Fit fit;
        try {
            d = read(data, regime);
            double[] y = new double[d.rows()];
            double[] x = new double[d.rows()];
            int r = 0;
            for (int i = 0; i < d.size(); i++) { // the rows back from the distinct x: lowest and highest y at each
                x[r] = d.x(i);
                y[r++] = d.lowestY(i);
                if (r < x.length && d.highestY(i) != d.lowestY(i)) {
                    x[r] = d.x(i);
                    y[r++] = d.highestY(i);
                }
            }
            fit = new KnotBudget().solve(java.util.Arrays.copyOf(x, r), java.util.Arrays.copyOf(y, r), k);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        assertTrue(fit.knots() <= k, "within the budget: " + fit.knots() + " > " + k);
        assertTrue(fit.eps() >= 0 && Double.isFinite(fit.eps()), "a tolerance: " + fit.eps());
    }

    /** At most K knots by least squares on anything: within the budget and no worse than its start, or InvalidDataException. */
    @FuzzTest
    void leastSquaresKnotsKeepTheBudgetOrInvalidData(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 3);
        int k = data.consumeInt(0, 4);
        KnotBudgetLeastSquares.Fit fit;
        try {
            fit = new KnotBudgetLeastSquares().solve(read(data, regime), k);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        assertTrue(fit.network().neurons() <= k, "within the budget: " + fit.network().neurons() + " > " + k);
        assertTrue(!(fit.rss() > fit.startRss()), "no worse than its start: " + fit.rss() + " > " + fit.startRss());
    }

    /** The knot count by BIC on anything: a fit within the largest count with its curve, or InvalidDataException. */
    @FuzzTest
    void bicSelectionChoosesFromItsCurveOrInvalidData(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 3);
        int max = data.consumeInt(0, 4);
        KnotCountSelection.Selection sel;
        try {
            sel = new KnotCountSelection().select(read(data, regime), max);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        assertTrue(sel.chosen().network().neurons() <= max, "within the largest count");
        assertTrue(!sel.curve().isEmpty() && sel.curve().get(0).knots() == 0, "the curve starts at no knots");
    }

    /**
     * The knot count by cross-validation on anything (either family, 2-4 folds): a count within
     * the largest, chosen by the one-SE rule from its curve, or a clear refusal.
     */
    @FuzzTest
    void crossValidationChoosesFromItsCurveOrRefuses(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 3);
        int max = data.consumeInt(0, 3);
        int folds = data.consumeInt(2, 4);
        KnotCountCrossValidation.Family family = data.consumeBoolean() ? KnotCountCrossValidation.Family.MINIMAX
                : KnotCountCrossValidation.Family.LEAST_SQUARES;
        KnotCountCrossValidation.Selection sel;
        try {
            NoisyData d = read(data, regime);
            double[] x = new double[d.size() * 2];
            double[] y = new double[x.length];
            for (int i = 0; i < d.size(); i++) { // each x twice, at its tube's ends: repeated x with spread
                x[2 * i] = d.x(i);
                y[2 * i] = d.lower(i);
                x[2 * i + 1] = d.x(i);
                y[2 * i + 1] = d.upper(i);
            }
            sel = new KnotCountCrossValidation().select(x, y, max, folds, data.consumeLong(), family);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("cross-validation needs"), e.getMessage()); // too few rows for the folds
            return;
        }
        assertTrue(sel.chosen().network().neurons() <= max, "within the largest count");
        assertTrue(!sel.curve().isEmpty() && sel.curve().get(0).knots() == 0, "the curve starts at no knots");
        double least = Double.POSITIVE_INFINITY;
        double se = 0;
        for (KnotCountCrossValidation.Point p : sel.curve()) {
            assertTrue(p.validationMse() >= 0 && p.standardError() >= 0, "finite and non-negative: " + p);
            if (p.validationMse() < least) {
                least = p.validationMse();
                se = p.standardError();
            }
        }
        assertTrue(sel.chosen().validationMse() <= least + se, "the one-SE rule");
    }

    /** Monotone tube fits on anything: a fit that keeps its shape and its tubes, or a clear refusal. */
    @FuzzTest
    void monotoneTubeFitsKeepTheirShapeOrInvalidData(FuzzedDataProvider data) {
        int regime = data.consumeInt(0, 3);
        Shape shape = data.consumeBoolean() ? Shape.NON_DECREASING : Shape.NON_INCREASING;
        NoisyData d;
        TubeFit fit;
        try {
            d = read(data, regime);
            fit = new TubeSolver().solve(d, shape);
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        assertTrue(shape.violation(fit.network()) == null, shape + " broken: " + shape.violation(fit.network()) + " on " + describe(d));
        TubeFit any;
        try {
            any = new TubeSolver().solve(d);
        } catch (InvalidDataException e) {
            return; // the unconstrained fit refused (rounding on clustered x), clearly: nothing to compare
        }
        assertTrue(fit.minimumKnots() >= any.minimumKnots(), "a shape never saves a knot on " + describe(d));
    }
}
