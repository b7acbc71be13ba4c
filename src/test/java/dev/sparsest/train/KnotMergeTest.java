package dev.sparsest.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnotMergeTest {
    private static final double[] X = {-2, -1, 0, 1, 2, 3};

    private static double f(double x, double[] w, double[] b, double[] v, double[] skip) {
        double s = skip[0] * x + skip[1];
        for (int j = 0; j < w.length; j++) {
            s += v[j] * Math.max(0, w[j] * x + b[j]);
        }
        return s;
    }

    private static double[] outputs(double[] w, double[] b, double[] v, double[] skip) {
        double[] out = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            out[i] = f(X[i], w, b, v, skip);
        }
        return out;
    }

    @Test
    void mergesSameSignKnotsOfOneIntervalOfEitherOrientationExactlyOnTheData() {
        // knots: 0.44 (w < 0) and 0.52 (w > 0), both slope change < 0, in (0, 1); 1.5 (w > 0, slope change > 0) in
        // (1, 2); 2.5 (w < 0, slope change < 0) shares no interval with a same-sign knot; -1 is on a data point
        double[] w = {-0.75, 1.2, 0.9, -1.1, 1.0};
        double[] b = {0.75 * 0.44, -1.2 * 0.52, -0.9 * 1.5, 1.1 * 2.5, 1.0};
        double[] v = {-0.75, -1.2, 0.9, -1.1, 0.7};
        double[] skip = {0.3, -0.2};
        double[] before = outputs(w, b, v, skip);
        double cost = 0;
        for (int j = 0; j < w.length; j++) {
            cost += Math.pow(Math.abs(v[j] * w[j]), 0.4);
        }
        double[][] moments = {new double[5], new double[5], new double[5], new double[5], new double[5], new double[5]};
        for (double[] m : moments) {
            java.util.Arrays.fill(m, 1);
        }
        int merges = new KnotMerge(X, 5).apply(5, w, b, v, skip, moments);
        assertEquals(1, merges);
        assertArrayEquals(before, outputs(w, b, v, skip), 1e-12);
        // the larger (0.52, w > 0) keeps: one neuron of slope change -(0.5625 + 1.44) at the barycentre, balanced
        assertEquals(0, v[0]);
        assertEquals(0, w[0]);
        assertEquals(0, b[0]);
        assertEquals(0, moments[0][0]);
        double s = -(0.5625 + 1.44);
        assertEquals(s, v[1] * Math.abs(w[1]), 1e-12);
        assertEquals(Math.abs(v[1]), Math.abs(w[1]), 1e-12);
        assertTrue(w[1] > 0);
        assertEquals((0.5625 * 0.44 + 1.44 * 0.52) / (0.5625 + 1.44), -b[1] / w[1], 1e-12);
        double after = 0;
        for (int j = 0; j < w.length; j++) {
            after += Math.pow(Math.abs(v[j] * w[j]), 0.4);
        }
        assertTrue(after < cost, "the l^p cost drops: " + after + " < " + cost);
        assertEquals(0, new KnotMerge(X, 5).apply(5, w, b, v, skip, moments), "nothing left to merge");
    }

    @Test
    void leavesKnotsOfOppositeSignsOrOtherIntervalsAlone() {
        double[] w = {1, 1, 1};
        double[] b = {-0.3, -0.6, -1.5};
        double[] v = {1, -1, 1};
        double[] skip = {0, 0};
        double[][] moments = {new double[3]};
        assertEquals(0, new KnotMerge(X, 3).apply(3, w, b, v, skip, moments));
        assertArrayEquals(new double[] {1, 1, 1}, w);
    }
}
