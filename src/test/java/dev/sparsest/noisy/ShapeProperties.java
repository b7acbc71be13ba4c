package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.Shape;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shape-constrained 1-D fits: monotone tubes against the LP brute force with monotone values;
 * interpolants of monotone, convex and concave data keep the shape under every penalty; the
 * shape check itself.
 */
class ShapeProperties {
    private static final TubeSolver TUBE = new TubeSolver();

    /** Rows near a monotone trend (up or down) with noise that can break it, and tubes of random width. */
    record Case(Points points, double eps, int direction) {
        NoisyData data() {
            return NoisyData.of(points.x(), points.y(), eps);
        }

        Shape shape() {
            return direction > 0 ? Shape.NON_DECREASING : Shape.NON_INCREASING;
        }
    }

    static Gen<Case> nearMonotone(int minN, int maxN) {
        return r -> {
            int n = minN + r.nextInt(maxN - minN + 1);
            int direction = r.nextBoolean() ? 1 : -1;
            double[] x = new double[n];
            double[] y = new double[n];
            double level = 0;
            for (int i = 0; i < n; i++) {
                x[i] = i + 0.8 * r.nextDouble();
                level += direction * (r.nextInt(4) == 0 ? 0 : r.nextDouble());
                y[i] = level + 0.3 * (r.nextDouble() - 0.5);
            }
            return new Case(new Points(x, y), r.nextInt(6) == 0 ? 0 : 0.3 * r.nextDouble(), direction);
        };
    }

    /** The fewest knots of a monotone function in the tubes, against the LP brute force; the fit keeps the shape and the tubes. */
    @Test
    void monotoneTubesHaveTheFewestKnotsOfAnyMonotoneFunction() {
        int[] refused = new int[2];
        Prop.forAll("monotone tube = LP brute force", nearMonotone(2, 7)).tries(300).check(c -> {
            NoisyData d = c.data();
            refused[1]++;
            TubeFit fit;
            try {
                fit = TUBE.solve(d, c.shape());
            } catch (InvalidDataException e) {
                refused[0]++;
                assertTrue(e.getMessage().contains("meets every tube"), e.getMessage());
                assertTrue(!TubeBruteForce.monotoneValuesExist(d, c.direction), "refused, but the LP finds monotone values in the tubes: "
                        + e.getMessage());
                return;
            }
            assertTrue(TubeBruteForce.monotoneValuesExist(d, c.direction), "solved, but the LP finds no monotone values");
            assertEquals(TubeBruteForce.fewestKnots(d, c.direction), fit.minimumKnots(), "fewest knots, " + c.shape());
            assertNull(c.shape().violation(fit.network()), "the fit keeps its shape");
            assertTrue(fit.minimumKnots() >= TUBE.solve(d).minimumKnots(), "a shape never saves a knot");
        });
        assertTrue(refused[0] < refused[1] / 2, "most cases are feasible: " + refused[0] + " of " + refused[1] + " refused");
    }

    /** Large and awkward data (ties, clustered x, scales): a monotone fit keeps its shape, stays in the tubes, and never has fewer knots. */
    @Test
    void monotoneFitsOnEveryGeneratorKeepTheirShape() {
        Prop.forAll("monotone tubes on every generator", PointsGen.any(2, 300)).tries(300).check(p -> {
            double spread = Arrays.stream(p.y()).map(Math::abs).max().orElse(0);
            double[] sorted = p.y().clone();
            Arrays.sort(sorted); // a monotone trend under the same x: always feasible at any tolerance
            for (Shape shape : new Shape[] {Shape.NON_DECREASING, Shape.NON_INCREASING}) {
                double[] y = sorted.clone();
                if (shape == Shape.NON_INCREASING) {
                    for (int i = 0; i < y.length / 2; i++) {
                        double t = y[i];
                        y[i] = y[y.length - 1 - i];
                        y[y.length - 1 - i] = t;
                    }
                }
                NoisyData d = NoisyData.of(sortedX(p.x()), y, 0.1 * spread);
                TubeFit fit = TUBE.solve(d, shape);
                assertNull(shape.violation(fit.network()), shape + " kept");
                assertTrue(fit.minimumKnots() >= TUBE.solve(d).minimumKnots());
            }
        });
    }

    /** Interpolants of monotone, convex or concave data keep that shape under l0, l^p and l1 (so the CLI need not refuse them). */
    @Test
    void interpolantsOfShapedDataKeepTheShape() {
        ChordPathSolver solver = new ChordPathSolver();
        SplittableRandom r = new SplittableRandom(17);
        Penalty[] penalties = {Penalty.l0(), Penalty.lp(0.5), Penalty.lp(0.9), Penalty.l1()};
        for (int trial = 0; trial < 400; trial++) {
            Shape shape = Shape.values()[1 + trial % 4];
            int n = 2 + r.nextInt(40);
            double[] x = new double[n];
            double[] y = new double[n];
            double slope = shape == Shape.CONCAVE ? 3 : shape == Shape.CONVEX ? -3 : 0;
            double value = 0;
            for (int i = 0; i < n; i++) {
                x[i] = i == 0 ? 0 : x[i - 1] + 0.1 + r.nextDouble();
                if (i > 0) {
                    double h = x[i] - x[i - 1];
                    double step = shape.monotone() ? (r.nextInt(4) == 0 ? 0 : r.nextDouble()) * (shape == Shape.NON_DECREASING ? 1 : -1) : slope * h;
                    if (!shape.monotone()) {
                        slope += (r.nextInt(3) == 0 ? 0 : r.nextDouble()) * (shape == Shape.CONVEX ? 1 : -1);
                    }
                    value += step;
                }
                y[i] = value;
            }
            for (Penalty penalty : penalties) {
                UnivariateNetwork f = solver.solve(UnivariateDataset.of(x, y), penalty).network();
                assertNull(shape.violation(f), shape + " data, " + penalty + ": " + Arrays.toString(x) + " " + Arrays.toString(y));
            }
        }
    }

    @Test
    void theShapeCheckReadsSlopesAndSlopeChanges() {
        UnivariateNetwork vee = UnivariateNetwork.withIntercept(new double[] {0}, new double[] {2}, -1, 0); // -x, then x
        assertNull(Shape.CONVEX.violation(vee));
        assertTrue(Shape.CONCAVE.violation(vee).contains("slope change 2"));
        assertTrue(Shape.NON_DECREASING.violation(vee).contains("slope -1"));
        assertNull(Shape.ANY.violation(vee));
        UnivariateNetwork ramp = UnivariateNetwork.withIntercept(new double[] {0, 1}, new double[] {1, -1}, 0, 0); // flat, up, flat
        assertNull(Shape.NON_DECREASING.violation(ramp));
        assertTrue(Shape.NON_INCREASING.violation(ramp).contains("right of x = 0"));
        assertEquals(Shape.NON_DECREASING, Shape.parse("increasing"));
        assertThrows(IllegalArgumentException.class, () -> Shape.parse("wiggly"));
        assertThrows(IllegalArgumentException.class, () -> TUBE.solve(NoisyData.of(new double[] {0, 1, 2}, new double[] {0, 1, 0}, 0.1),
                Shape.CONVEX));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> TUBE.solve(NoisyData.of(new double[] {0, 1, 2}, new double[] {0, 1, 0}, 0.1), Shape.NON_DECREASING));
        assertTrue(e.getMessage().contains("at x = 1.0 it must be at least 0.9, at x = 2.0 at most 0.1"), e.getMessage());
    }

    private static double[] sortedX(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }
}
