package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.prop.ExactMaps;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collinearity contract (THEORY.md section 1, {@link ChordGeometry}): the answer depends on
 * the data, not on their units or origin. For every shared generator, y -&gt; alpha y + beta and
 * x -&gt; alpha x + beta (alpha &lt; 0 reflects) give the same neuron count, for l0, l1 and l^p,
 * whenever the transformed data are exact in doubles (checked in exact arithmetic; offsets are
 * drawn as large as exactness allows, up to 2^45: integers stay exact, decimals only under small
 * dyadic shifts). Each try checks several transformations; every property checks at least 2 000
 * exact ones at the default tries. The neuron count never falls below the certificate's bound.
 */
class AffineInvarianceProperties {
    private static final ChordPathSolver SOLVER = new ChordPathSolver();
    private static final int TRANSFORMS_PER_TRY = 5;

    /** A dataset from one named generator, and a penalty exponent: 0 (l0), 1 (l1) or in (0, 1). */
    record Case(String flavour, Points points, double p) {
        @Override
        public String toString() {
            return flavour + " p=" + p + " " + points;
        }
    }

    private static Gen<Case> cases() {
        Map<String, Gen<Points>> flavours = PointsGen.flavours(3, 40);
        List<String> names = new ArrayList<>(flavours.keySet());
        return r -> {
            String name = names.get(r.nextInt(names.size()));
            int kind = r.nextInt(3);
            double p = kind == 0 ? 0 : kind == 1 ? 1 : 0.05 + 0.9 * r.nextDouble();
            return new Case(name, flavours.get(name).next(r), p);
        };
    }

    private enum Axis { X, Y }

    @Test
    void shiftingYKeepsTheNeuronCount() {
        check("shiftingYKeepsTheNeuronCount", Axis.Y, false);
    }

    @Test
    void scalingOrReflectingYKeepsTheNeuronCount() {
        check("scalingOrReflectingYKeepsTheNeuronCount", Axis.Y, true);
    }

    @Test
    void shiftingXKeepsTheNeuronCount() {
        check("shiftingXKeepsTheNeuronCount", Axis.X, false);
    }

    @Test
    void scalingOrReflectingXKeepsTheNeuronCount() {
        check("scalingOrReflectingXKeepsTheNeuronCount", Axis.X, true);
    }

    @Test
    void permutingTheRowsGivesTheSameNetwork() {
        Prop.forAll("permutingTheRowsGivesTheSameNetwork", cases()).check(c -> {
            ExactSolution s = solveOrNull(c.points.x(), c.points.y(), c.p);
            if (s == null) {
                return;
            }
            int n = c.points.n();
            int[] order = shuffled(n, new SplittableRandom(n * 31L + Double.hashCode(c.p)));
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = c.points.x()[order[i]];
                y[i] = c.points.y()[order[i]];
            }
            ExactSolution t = SOLVER.solve(UnivariateDataset.of(x, y), Penalty.lp(c.p));
            assertArrayEquals(s.network().knots(), t.network().knots());
            assertArrayEquals(s.network().slopeChanges(), t.network().slopeChanges());
        });
    }

    private static void check(String name, Axis axis, boolean scale) {
        AtomicInteger exact = new AtomicInteger();
        int tries = Prop.forAll(name, cases()).check(c -> {
            ExactSolution s = solveOrNull(c.points.x(), c.points.y(), c.p);
            if (s == null) {
                return;
            }
            assertTrue(s.neurons() >= s.l0LowerBound(), "below the lower bound: " + s.neurons() + " < " + s.l0LowerBound());
            SplittableRandom r = new SplittableRandom(Double.doubleToLongBits(c.points.y()[0]) ^ c.points.n());
            double[] values = axis == Axis.X ? c.points.x() : c.points.y();
            for (int t = 0; t < TRANSFORMS_PER_TRY; t++) {
                double[] map = scale ? exactScale(values, r) : exactShift(values, r);
                if (map == null) {
                    continue;
                }
                double[] moved = apply(values, map[0], map[1]);
                double[] x = axis == Axis.X ? moved : c.points.x();
                double[] y = axis == Axis.Y ? moved : c.points.y();
                ExactSolution m;
                try {
                    m = SOLVER.solve(UnivariateDataset.of(x, y), Penalty.lp(c.p));
                } catch (InvalidDataException e) {
                    throw new AssertionError("refused after " + axis + " -> " + map[0] + " " + axis + " + " + map[1] + ": " + e.getMessage(), e);
                }
                exact.incrementAndGet();
                assertEquals(s.neurons(), m.neurons(), axis + " -> " + map[0] + " " + axis + " + " + map[1]
                        + ": " + s.network() + " vs " + m.network());
                assertTrue(m.neurons() >= m.l0LowerBound(), "below the lower bound after the map");
            }
        });
        if (tries >= 500) {
            assertTrue(exact.get() >= 2000, "only " + exact.get() + " exact transformations in " + tries + " tries");
        }
    }

    private static ExactSolution solveOrNull(double[] x, double[] y, double p) {
        try {
            return SOLVER.solve(UnivariateDataset.of(x, y), Penalty.lp(p));
        } catch (InvalidDataException e) {
            return null; // refused data say nothing about invariance
        }
    }

    /** {1, beta}: the largest offset up to 2^45 (halving until exact) with a random mantissa. */
    private static double[] exactShift(double[] v, SplittableRandom r) {
        double mantissa = (1 + r.nextInt(1 << 20)) * (r.nextBoolean() ? 1 : -1);
        for (int e = 25 - r.nextInt(8); e >= -80; e--) {
            double beta = Math.scalb(mantissa, e);
            if (ExactMaps.isExact(v, 1, beta)) {
                return new double[] {1, beta};
            }
        }
        return null;
    }

    /** {alpha, 0}: an odd integer, a dyadic fraction or a power of two (tried in that order), either sign. */
    private static double[] exactScale(double[] v, SplittableRandom r) {
        for (int attempt = 0; attempt < 12; attempt++) {
            double alpha = scaleCandidate(r, attempt < 8 ? r.nextInt(2) + 1 : 0);
            if (ExactMaps.isExact(v, alpha, 0)) {
                return new double[] {alpha, 0};
            }
        }
        return null;
    }

    private static double scaleCandidate(SplittableRandom r, int kind) {
        double sign = r.nextBoolean() ? 1 : -1;
        double alpha;
        switch (kind) {
            case 0:
                alpha = Math.scalb(1.0, r.nextInt(81) - 40);
                break;
            case 1:
                alpha = 3 + 2 * r.nextInt(50);
                break;
            default:
                alpha = (1 + 2 * r.nextInt(500)) / 64.0;
                break;
        }
        return sign * alpha;
    }


    private static double[] apply(double[] v, double alpha, double beta) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = alpha * v[i] + beta;
        }
        return out;
    }

    private static int[] shuffled(int n, SplittableRandom r) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
