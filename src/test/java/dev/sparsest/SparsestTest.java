package dev.sparsest;

import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's library example, kept compiling and true. */
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
}
