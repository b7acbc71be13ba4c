package dev.sparsest.noisy;

import dev.sparsest.data.NoisyData;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The noisy-data modes as properties (issue 8), on the shared generators (integer grids with
 * ties, decimals, scales 1e-12..1e12, clustered x, collinear runs); the LP brute force runs on
 * jittered grids, where its margins are clear. Tolerances: tube membership within
 * {@link #tubeTolerance} (1e-9 of max|y| plus the solver's widening for clustered x); KKT violations
 * within 1e-8 of lambda (the path solves O(N) well-conditioned tridiagonal systems per segment;
 * measured violations are ~1e-11); affine maps within 1e-9 of the data's scale.
 */
class NoisyProperties {
    private static final TubeSolver TUBE = new TubeSolver();
    private static final PenalizedSolver PENALIZED = new PenalizedSolver();

    /** Points with a tube half-width relative to the data's spread (0 in one try of eight). */
    record Tube(Points points, double eps) {
        NoisyData data() {
            return NoisyData.of(points.x(), points.y(), eps);
        }

        @Override
        public String toString() {
            return "eps=" + eps + " " + points;
        }
    }

    static Gen<Tube> tubes(Gen<Points> points) {
        return r -> {
            Points p = points.next(r);
            double spread = 0;
            for (double v : p.y()) {
                spread = Math.max(spread, Math.abs(v));
            }
            double eps = r.nextInt(8) == 0 ? 0 : spread * Math.pow(10, -4 * r.nextDouble()) * r.nextDouble();
            return new Tube(p, eps);
        };
    }

    static Prop<Tube> tubeProp(String name, Gen<Points> points, int minN) {
        return Prop.forAll(name, tubes(points))
                .shrinkWith(t -> Points.shrinker(minN).candidates(t.points).stream().map(p -> new Tube(p, t.eps)).toList());
    }

    /** Random normal data on jittered x: generic positions, so the LP oracle's margins are clear. */
    static Gen<Points> generic(int minN, int maxN) {
        return r -> {
            int n = minN + r.nextInt(maxN - minN + 1);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 0.8 * r.nextDouble();
                y[i] = gaussian(r);
            }
            return new Points(x, y);
        };
    }

    private static double gaussian(java.util.SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void tubeFitHasTheFewestKnotsOfAnyFunctionInTheTube() {
        tubeProp("tubeFitHasTheFewestKnotsOfAnyFunctionInTheTube", generic(2, 8), 2).tries(300).check(t -> {
            NoisyData d = t.data();
            TubeFit fit = TUBE.solve(d);
            int oracle = TubeBruteForce.fewestKnots(d);
            assertEquals(oracle, fit.minimumKnots(), "fewest knots");
            assertEquals(oracle, fit.neurons(), "knots of the returned network");
        });
    }

    /**
     * Tolerances exactly at a breakpoint (the least maximum error of K knots, where the feasible
     * lines of a level shrink to a point or a segment): the solver answers with a fit in the tube
     * and at most K knots, and never fewer than the LP brute force allows just above the
     * breakpoint (a regression: such polygons kept no top edge, and the solver threw).
     */
    @Test
    void tolerancesAtBreakpointsGiveTheirFit() {
        double[] degenerateX = {0.10526795336940245, 1.7521391339904144, 2.070184667250811, 3.12438200093513, 4.700492218575021,
                5.054695998516734};
        double[] degenerateY = {0.29387187207987037, 1.1239377523549317, -0.9518844599589987, -0.1550481109017198,
                -2.4471732773952373, -0.5539414553276196};
        TubeFit found = TUBE.solve(NoisyData.of(degenerateX, degenerateY, 0.889695454689831));
        assertEquals(TubeBruteForce.fewestKnots(NoisyData.of(degenerateX, degenerateY, 0.889695454689831 * (1 + 1e-7))),
                found.minimumKnots(), "the case found by the knot-budget search");
        Prop.forAll("tolerancesAtBreakpointsGiveTheirFit", generic(3, 8)).shrinkWith(Points.shrinker(3)).tries(300).check(p -> {
            for (int k = 0; k <= 2; k++) {
                double eps = new KnotBudget().solve(p.x(), p.y(), k).eps();
                TubeFit fit = TUBE.solve(NoisyData.of(p.x(), p.y(), eps));
                assertTrue(fit.minimumKnots() <= k, fit.minimumKnots() + " knots at the breakpoint of " + k);
                assertTrue(fit.minimumKnots() >= TubeBruteForce.fewestKnots(NoisyData.of(p.x(), p.y(), eps * (1 + 1e-7))),
                        "fewer knots than any function in a slightly wider tube");
            }
        });
    }

    /**
     * Beyond the brute force's reach: the window solver's count equals the first solver's dynamic
     * program over unions of polygons ({@link TubeUnionReference}), on every generator (ties,
     * clustered x, collinear runs, 1e-12..1e12 scales), N up to 300.
     */
    @Test
    void tubeFitCountsAsTheUnionDynamicProgram() {
        tubeProp("tubeFitCountsAsTheUnionDynamicProgram", PointsGen.any(2, 300), 2).check(t -> {
            NoisyData d = t.data();
            assertEquals(TubeUnionReference.fewestKnots(d), TUBE.solve(d).minimumKnots(), "fewest knots");
        });
    }

    @Test
    void tubeFitStaysInTheTube() {
        tubeProp("tubeFitStaysInTheTube", PointsGen.any(2, 300), 2).check(t -> {
            NoisyData d = t.data();
            TubeFit fit = TUBE.solve(d);
            double tol = tubeTolerance(d);
            double[] v = new double[d.size()];
            fit.network().evaluateSorted(d.xs(), v);
            for (int i = 0; i < d.size(); i++) {
                assertTrue(v[i] >= d.lower(i) - tol && v[i] <= d.upper(i) + tol,
                        "f(" + d.x(i) + ") = " + v[i] + " outside [" + d.lower(i) + ", " + d.upper(i) + "]");
            }
            assertTrue(fit.neurons() <= Math.max(0, d.size() - 2), "at most N - 2 knots");
        });
    }

    @Test
    void zeroWidthTubeAgreesWithTheChordPath() {
        Prop.forAll("zeroWidthTubeAgreesWithTheChordPath", PointsGen.any(2, 60)).shrinkWith(Points.shrinker(2)).check(p -> {
            int chord = new ChordPathSolver().solve(UnivariateDataset.of(p.x(), p.y()), Penalty.l0()).neurons();
            assertEquals(chord, TUBE.solve(NoisyData.of(p.x(), p.y(), 0)).minimumKnots());
        });
    }

    @Test
    void widerTubesNeverNeedMoreKnots() {
        tubeProp("widerTubesNeverNeedMoreKnots", PointsGen.any(2, 80), 2).check(t -> {
            int narrow = TUBE.solve(t.data()).minimumKnots();
            int wide = TUBE.solve(NoisyData.of(t.points.x(), t.points.y(), 2 * t.eps + 1e-3)).minimumKnots();
            assertTrue(wide <= narrow, wide + " knots for the wider tube, " + narrow + " for the narrower");
        });
    }

    /** Points and a lambda as a fraction of lambda_max, log-uniform in [1e-7, 2]. */
    record Penalized(Points points, double fraction) {
        @Override
        public String toString() {
            return "lambda/lambdaMax=" + fraction + " " + points;
        }
    }

    static Prop<Penalized> penalizedProp(String name, int minN, int maxN) {
        Gen<Points> points = PointsGen.any(minN, maxN);
        return Prop.forAll(name, (Gen<Penalized>) r -> new Penalized(points.next(r), 2 * Math.pow(10, -7 * r.nextDouble())))
                .shrinkWith(c -> Points.shrinker(minN).candidates(c.points).stream().map(p -> new Penalized(p, c.fraction)).toList());
    }

    @Test
    void penalizedFitSatisfiesTheOptimalityConditions() {
        penalizedProp("penalizedFitSatisfiesTheOptimalityConditions", 3, 80).check(c -> {
            NoisyData d = NoisyData.of(c.points.x(), c.points.y());
            double lambda = c.fraction * PENALIZED.lambdaMax(d);
            PenalizedFit fit = PENALIZED.solve(d, lambda);
            double bend = 1e-9 * d.yScale() / minGap(d);
            double v = Kkt.violation(d, fit.fitted(), lambda, bend);
            // rounding in the fitted values limits the check: nu sums residuals times distances
            double rounding = 1e-12 * d.yScale() * (d.x(d.size() - 1) - d.x(0)) * d.size();
            assertTrue(v < 1e-8 * lambda + rounding, "KKT violation " + v + " at lambda " + lambda);
            // the network is an optimal function: same values, least l1 path norm for them
            double[] f = new double[d.size()];
            fit.network().evaluateSorted(d.xs(), f);
            for (int i = 0; i < d.size(); i++) {
                assertEquals(fit.fitted()[i], f[i], 1e-9 * d.yScale());
            }
            assertEquals(fit.l1PathNorm(), fit.network().l1PathNorm(), 1e-7 * Math.max(1, fit.l1PathNorm()));
        });
    }

    @Test
    void atLambdaMaxTheFitIsTheLeastSquaresLine() {
        penalizedProp("atLambdaMaxTheFitIsTheLeastSquaresLine", 2, 60).check(c -> {
            NoisyData d = NoisyData.of(c.points.x(), c.points.y());
            PenalizedFit fit = PENALIZED.solve(d, PENALIZED.lambdaMax(d) * (1 + c.fraction));
            assertEquals(0, fit.neurons());
            double[] line = leastSquaresLine(d);
            for (int i = 0; i < d.size(); i++) {
                assertEquals(line[0] + line[1] * d.x(i), fit.fitted()[i], 1e-9 * d.yScale());
            }
        });
    }

    @Test
    void smallLambdaRecoversTheSparsestInterpolant() {
        Prop.forAll("smallLambdaRecoversTheSparsestInterpolant", PointsGen.any(3, 40)).shrinkWith(Points.shrinker(3)).check(p -> {
            NoisyData d = NoisyData.of(p.x(), p.y());
            int chord = new ChordPathSolver().solve(UnivariateDataset.of(p.x(), p.y()), Penalty.l0()).neurons();
            PenalizedFit fit = PENALIZED.solve(d, 0);
            assertEquals(chord, fit.neurons(), "lambda = 0");
            for (int i = 0; i < d.size(); i++) {
                assertEquals(p.y()[i], fit.fitted()[i], 1e-9 * d.yScale());
            }
        });
    }

    @Test
    void residualGrowsAndKnotsMatchAlongThePath() {
        penalizedProp("residualGrowsAndKnotsMatchAlongThePath", 3, 40).tries(200).check(c -> {
            NoisyData d = NoisyData.of(c.points.x(), c.points.y());
            List<PathPoint> path = PENALIZED.path(d, 1000);
            for (int i = 1; i < path.size(); i++) {
                PathPoint hi = path.get(i - 1);
                PathPoint lo = path.get(i);
                assertTrue(lo.lambda() <= hi.lambda(), "lambda decreases");
                assertTrue(lo.residualSumOfSquares() <= hi.residualSumOfSquares() * (1 + 1e-9) + 1e-12 * d.yScale(), "RSS grows with lambda");
                if (lo.lambda() < hi.lambda() * (1 - 1e-6)) {
                    // the path counts at the segment's geometric middle: bends whose curvature
                    // vanishes as lambda -> 0 drop below the collinearity tolerance near its end
                    double mid = lo.lambda() > 0 ? Math.sqrt(lo.lambda() * hi.lambda()) : hi.lambda() / 2;
                    assertEquals(hi.knots(), PENALIZED.solve(d, mid).neurons(), "knots between two events, lambda " + mid);
                }
            }
            assertEquals(0, path.get(path.size() - 1).lambda(), "the path ends at lambda = 0");
        });
    }

    /** Equivariance under x -> a x + b (a != 0) and y -> c y + e (c > 0), with eps -> c eps and lambda -> |a| c lambda. */
    @Test
    void bothModesFollowAffineMaps() {
        // shifts of up to 10 spans: a shift that buries the spacing of x (or the spread of y) in rounding changes the problem
        Prop.forAll("bothModesFollowAffineMaps", (Gen<Object[]>) r -> {
                    Tube t = tubes(PointsGen.any(2, 40)).next(r);
                    double xs = t.points.x()[t.points.n() - 1] - t.points.x()[0];
                    double ys = 0;
                    for (double v : t.points.y()) {
                        ys = Math.max(ys, Math.abs(v));
                    }
                    return new Object[] {t, (r.nextBoolean() ? 1 : -1) * Math.pow(10, 4 * r.nextDouble() - 2), (20 * r.nextDouble() - 10) * xs,
                        Math.pow(10, 4 * r.nextDouble() - 2), (20 * r.nextDouble() - 10) * ys, Math.pow(10, -5 * r.nextDouble())};
                })
                .describeWith(o -> o[0] + " a=" + o[1] + " b=" + o[2] + " c=" + o[3] + " e=" + o[4] + " lambdaFraction=" + o[5])
                .check(o -> {
                    Tube t = (Tube) o[0];
                    double a = (double) o[1];
                    double b = (double) o[2];
                    double c = (double) o[3];
                    double e = (double) o[4];
                    int n = t.points.n();
                    double[] x2 = new double[n];
                    double[] y2 = new double[n];
                    for (int i = 0; i < n; i++) {
                        x2[i] = a * t.points.x()[i] + b;
                        y2[i] = c * t.points.y()[i] + e;
                    }
                    NoisyData d1 = t.data();
                    NoisyData d2 = NoisyData.of(x2, y2, c * t.eps);
                    assertEquals(TUBE.solve(d1).minimumKnots(), TUBE.solve(d2).minimumKnots(), "tube knots");

                    double lambda = (double) o[5] * PENALIZED.lambdaMax(d1);
                    PenalizedFit f1 = PENALIZED.solve(d1, lambda);
                    PenalizedFit f2 = PENALIZED.solve(d2, Math.abs(a) * c * lambda);
                    double scale = d2.yScale() + Math.abs(e);
                    UnivariateNetwork g2 = f2.network();
                    for (int i = 0; i < n; i++) {
                        double x = t.points.x()[i];
                        int j1 = index(d1, x);
                        assertEquals(c * f1.fitted()[j1] + e, g2.evaluate(a * x + b), 1e-9 * scale, "penalized fit at x = " + x);
                    }
                });
    }

    /**
     * What the tube solver can promise: 1e-9 of max|y| for rounding along the evaluation chain,
     * plus twice its widening (MIN_HALF_WIDTH, or SLOPE_ROUNDING x the slope box for clustered x,
     * in the solver's units: the y half-range, or 1 for all-zero data).
     */
    static double tubeTolerance(NoisyData d) {
        double span = d.x(d.size() - 1) - d.x(0);
        double widening = TubeSolver.widening(TubeSolver.slopeBound(minGap(d) / span));
        return 1e-9 * d.yScale() + 2 * widening * new UnivariateScaling(d).yUnit;
    }

    private static int index(NoisyData d, double x) {
        int i = java.util.Arrays.binarySearch(d.xs(), x);
        assertTrue(i >= 0);
        return i;
    }

    /** The least gap between consecutive distinct x. */
    static double minGap(NoisyData d) {
        double g = Double.POSITIVE_INFINITY;
        for (int i = 1; i < d.size(); i++) {
            g = Math.min(g, d.x(i) - d.x(i - 1));
        }
        return g;
    }

    /** {intercept, slope} of the weighted least-squares line, by the normal equations about the weighted mean of x. */
    static double[] leastSquaresLine(NoisyData d) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < d.size(); i++) {
            sw += d.weight(i);
            sx += d.weight(i) * d.x(i);
            sy += d.weight(i) * d.mean(i);
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < d.size(); i++) {
            double dx = d.x(i) - mx;
            sxx += d.weight(i) * dx * dx;
            sxy += d.weight(i) * dx * (d.mean(i) - my);
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }
}
