package dev.sparsest;

import dev.sparsest.exact.BatchOutput;
import dev.sparsest.exact.ChordPathFitter;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.FitOutput;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's library examples, kept compiling and true. */
class SparsestTest {

    @Test
    void readmeExample() {
        double[] x = {-2, -1, 0, 1, 2, 3};
        double[] y = {0, 0, 1, 1, 0, 0};
        ExactSolution s = Sparsest.fit(x, y, Penalty.lp(0.5));
        UnivariateNetwork f = s.network();
        double yHat = f.evaluate(0.25);
        double pStar = Sparsest.threshold(x, y).pStar();
        assertEquals(3, s.neurons());
        assertArrayEquals(new double[] {-1, 0.5, 2}, f.knots());
        assertArrayEquals(new double[] {1, -2, 1}, f.slopeChanges());
        assertEquals(1.25, yHat);
        assertEquals(3, s.l0LowerBound());
        assertTrue(Double.isNaN(pStar));
        assertEquals(3, Sparsest.fit(x, y).neurons());
        assertEquals(f, Sparsest.readNetwork(dev.sparsest.model.UnivariateJson.write(f)));
    }

    /** The README's hot-loop examples, as written there. */
    @Test
    void readmeHotLoopExamples() {
        double[][] xs = {{0, 1, 2, 3}, {0, 1, 2, 4, 5}};
        double[][] ys = {{0, 1, 0, 1}, {3, 3, 5, 5, 5}};
        ChordPathFitter fitter = new ChordPathFitter();
        FitOutput out = new FitOutput();
        for (int s = 0; s < xs.length; s++) {
            fitter.fit(xs[s], ys[s], Penalty.l0(), out);
            assertEquals(2, out.neurons());
            assertEquals(1, out.knot(0));
        }

        double[] x = {0, 1, 2, 3, 0, 1, 2, 4, 5, 7, 8};
        double[] y = {0, 1, 0, 1, 3, 3, 5, 5, 5, 1, Double.NaN};
        int[] offsets = {0, 4, 9, 11};
        BatchOutput fits = Sparsest.fitAll(x, y, offsets, Penalty.l0());
        assertEquals(3, fits.series());
        assertEquals(2, fits.neurons(0));
        assertEquals(1, fits.knot(0, 0));
        assertEquals(2, fits.neurons(1));
        assertEquals(1, fits.knot(1, 0));
        assertFalse(fits.ok(2));
        assertTrue(fits.error(2).startsWith("non-finite value at index 10"), fits.error(2));
        assertEquals(1, fits.failed());
    }
}
