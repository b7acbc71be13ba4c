package dev.sparsest.model;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnivariateNetworkTest {

    @Test
    void evaluatesKnotFormAtPointsAndOnArrays() {
        // (x+1)_+ - 2(x-1/2)_+ + (x-2)_+
        UnivariateNetwork f = UnivariateNetwork.withIntercept(new double[] {-1, 0.5, 2}, new double[] {1, -2, 1}, 0, 0);
        double[] xs = {-3, -1, 0, 0.5, 1, 2, 3, 10};
        double[] expected = {0, 0, 1, 1.5, 1, 0, 0, 0};
        double[] out = new double[xs.length];
        f.evaluate(xs, out);
        assertArrayEquals(expected, out, 1e-15);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(expected[i], f.evaluate(xs[i]), 1e-15);
        }
        assertTrue(Double.isNaN(f.evaluate(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> f.evaluate(xs, new double[2]));
    }

    @Test
    void mergesEqualKnotsAndDropsZeroSlopeChanges() {
        UnivariateNetwork f = UnivariateNetwork.withIntercept(
                new double[] {2, 1, 2, 3, 3}, new double[] {1, 4, 2, 5, -5}, 0.5, 1);
        assertArrayEquals(new double[] {1, 2}, f.knots());
        assertArrayEquals(new double[] {4, 3}, f.slopeChanges());
        assertEquals(2, f.neurons());
    }

    @Test
    void pathNormsAndLipschitz() {
        UnivariateNetwork f = UnivariateNetwork.withIntercept(new double[] {0, 1}, new double[] {4, -9}, 1, 0);
        assertEquals(2, f.pathNorm(0));
        assertEquals(5, f.pathNorm(0.5), 1e-15);
        assertEquals(13, f.l1PathNorm());
        assertEquals(5, f.lipschitz()); // slopes 1, 5, -4
        assertThrows(IllegalArgumentException.class, () -> f.pathNorm(1.5));
    }

    @Test
    void balancedNeuronsReproduceTheFunctionAndAreBalanced() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int k = r.nextInt(6);
            double[] u = new double[k];
            double[] c = new double[k];
            for (int j = 0; j < k; j++) {
                u[j] = r.nextDouble() * 10 - 5;
                c[j] = r.nextDouble() * 4 - 2;
            }
            UnivariateNetwork f = UnivariateNetwork.of(u, c, r.nextDouble() - 0.5, 2, r.nextDouble());
            UnivariateNeurons n = f.toNeurons();
            for (int j = 0; j < n.width(); j++) {
                assertEquals(Math.abs(n.v(j)), Math.abs(n.w(j)), 0, "balanced |v| = |w|");
            }
            assertEquals(f.pathNorm(0.5), n.pathNorm(0.5), 1e-12);
            for (double x = -7; x <= 7; x += 0.37) {
                assertEquals(f.evaluate(x), n.evaluate(x), 1e-12);
            }
            UnivariateNetwork back = UnivariateNetwork.fromNeurons(n);
            assertEquals(f.neurons(), back.neurons());
            for (double x = -7; x <= 7; x += 0.37) {
                assertEquals(f.evaluate(x), back.evaluate(x), 1e-12);
            }
        }
    }

    @Test
    void neuronsWithNegativeOrZeroInputWeightsConvertExactly() {
        // v relu(w x + b) with w < 0 is a knot plus an affine part; w = 0 is a constant
        UnivariateNeurons n = new UnivariateNeurons(new double[] {-2, 0, 1, 3}, new double[] {2, 1.5, -1, -3},
                new double[] {1.5, 2, -1, 0.5}, 0.25, -1);
        UnivariateNetwork f = UnivariateNetwork.fromNeurons(n);
        assertEquals(1, f.neurons(), "three neurons share the knot 1 and merge");
        assertEquals(1, f.knot(0));
        assertEquals(3 - 1 + 1.5, f.slopeChange(0), 1e-15);
        for (double x = -4; x <= 4; x += 0.125) {
            assertEquals(n.evaluate(x), f.evaluate(x), 1e-12, "x = " + x);
        }
    }

    @Test
    void rejectsNonFiniteParameters() {
        assertThrows(IllegalArgumentException.class,
                () -> UnivariateNetwork.withIntercept(new double[] {Double.NaN}, new double[] {1}, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> UnivariateNetwork.withIntercept(new double[] {0}, new double[] {1}, Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class,
                () -> UnivariateNetwork.withIntercept(new double[] {0, 1}, new double[] {1}, 0, 0));
    }

    @Test
    void sortedEvaluationEqualsPointwiseEvaluationBitForBit() {
        SplittableRandom r = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            int k = r.nextInt(20);
            double[] u = new double[k];
            double[] c = new double[k];
            for (int j = 0; j < k; j++) {
                u[j] = r.nextDouble() * 10 - 5;
                c[j] = r.nextDouble() * 4 - 2;
            }
            UnivariateNetwork f = UnivariateNetwork.of(u, c, 0.5, -1, 2);
            double[] xs = new double[1 + r.nextInt(60)];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = r.nextInt(5) == 0 && k > 0 ? u[r.nextInt(k)] : r.nextDouble() * 14 - 7; // knots themselves too
            }
            java.util.Arrays.sort(xs);
            double[] sorted = new double[xs.length];
            f.evaluateSorted(xs, sorted);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(f.evaluate(xs[i]), sorted[i], 0.0, "x = " + xs[i]);
            }
        }
        UnivariateNetwork g = UnivariateNetwork.affine(1, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> g.evaluateSorted(new double[] {1, 0}, new double[2]));
    }
}
