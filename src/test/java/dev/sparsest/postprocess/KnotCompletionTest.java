package dev.sparsest.postprocess;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polish's last resort: knots are added until the network interpolates, never beyond N - 2. */
class KnotCompletionTest {

    @Test
    void anInterpolatingNetworkIsLeftAlone() {
        UnivariateDataset d = UnivariateDataset.of(new double[] {0, 1, 2, 3}, new double[] {0, 1, 0, 0});
        UnivariateNetwork f = new ChordPathSolver().solve(d, Penalty.l0()).network();
        assertSame(f, KnotCompletion.complete(f, d, UnivariateFit.interpolationFloor(d)));
    }

    @Test
    void aMissingKnotIsPutBack() {
        // the hat 0,0,1,1,0,0 needs knots at -1, 0.5, 2; the middle one removed
        UnivariateDataset d = UnivariateDataset.of(new double[] {-2, -1, 0, 1, 2, 3}, new double[] {0, 0, 1, 1, 0, 0});
        UnivariateNetwork missing = UnivariateFit.refitOnKnots(new double[] {-1, 2}, d);
        assertTrue(UnivariateFit.mse(missing, d) > 1e-3);
        UnivariateNetwork f = KnotCompletion.complete(missing, d, UnivariateFit.interpolationFloor(d));
        assertEquals(3, f.neurons(), f.toString());
        assertTrue(UnivariateFit.mse(f, d) <= UnivariateFit.interpolationFloor(d), "interpolates: " + UnivariateFit.mse(f, d));
        assertEquals(0.5, f.knot(1), 1e-9, "the knot at the chord crossing");
    }

    @Test
    void aRunThatDidNotTrainIsNotRepaired() {
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i;
            y[i] = r.nextDouble();
        }
        UnivariateDataset d = UnivariateDataset.of(x, y);
        UnivariateNetwork f = KnotCompletion.complete(UnivariateFit.refitOnKnots(new double[0], d), d, UnivariateFit.interpolationFloor(d));
        assertEquals(KnotCompletion.MAX_ADDED, f.neurons(), "at most four knots, then it gives up");
        assertTrue(UnivariateFit.mse(f, d) > UnivariateFit.interpolationFloor(d));
    }

    @Test
    void fromNoKnotsItAddsAtMostFourAndInterpolatesWhenThatSuffices() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 3 + r.nextInt(4); // up to 6 points: N - 2 <= 4 knots always interpolate
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 0.9 * r.nextDouble();
                y[i] = r.nextDouble() * 2 - 1;
            }
            UnivariateDataset d = UnivariateDataset.of(x, y);
            UnivariateNetwork line = UnivariateFit.refitOnKnots(new double[0], d);
            UnivariateNetwork f = KnotCompletion.complete(line, d, UnivariateFit.interpolationFloor(d));
            assertTrue(f.neurons() <= Math.min(n - 2, KnotCompletion.MAX_ADDED), f.neurons() + " knots for " + n + " points");
            assertTrue(f.neurons() >= new ChordPathSolver().solve(d, Penalty.l0()).neurons());
            assertTrue(UnivariateFit.mse(f, d) <= UnivariateFit.interpolationFloor(d), "trial " + trial + ": " + UnivariateFit.mse(f, d));
        }
    }
}
