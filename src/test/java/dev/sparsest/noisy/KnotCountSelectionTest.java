package dev.sparsest.noisy;

import dev.sparsest.data.NoisyData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knot count by BIC finds the true count of noisy piecewise-linear data, and its curve is coherent. */
class KnotCountSelectionTest {

    private static NoisyData noisy(SplittableRandom r, int n, double sigma, double[] knots, double[] changes) {
        double[][] rows = KnotCountCrossValidationTest.noisy(r, n, sigma, knots, changes);
        return NoisyData.of(rows[0], rows[1]);
    }

    @Test
    void findsTheTrueNumberOfKnots() {
        SplittableRandom r = new SplittableRandom(8);
        int right = 0;
        for (int trial = 0; trial < 20; trial++) {
            int truth = trial % 4; // 0 to 3 knots, well apart, clear changes
            double[] knots = new double[truth];
            double[] changes = new double[truth];
            for (int k = 0; k < truth; k++) {
                knots[k] = 2.0 + 2.5 * k + r.nextDouble(-0.3, 0.3);
                changes[k] = (k % 2 == 0 ? 1 : -1) * r.nextDouble(0.8, 1.5);
            }
            KnotCountSelection.Selection sel = new KnotCountSelection().select(noisy(r, 150, 0.05, knots, changes), 8);
            if (sel.chosen().network().neurons() == truth) {
                right++;
            }
            for (int i = 1; i < sel.curve().size(); i++) {
                assertTrue(sel.curve().get(i).rss() <= sel.curve().get(i - 1).rss(), "RSS falls with the knot budget");
                assertEquals(i, sel.curve().get(i).knots());
            }
            double best = sel.curve().stream().mapToDouble(KnotCountSelection.Point::bic).min().orElseThrow();
            assertEquals(best, sel.curve().get(sel.chosen().maxKnots()).bic(), "the chosen count has the least BIC");
        }
        assertTrue(right >= 18, "the true knot count on " + right + " of 20");
    }

    @Test
    void exactDataStopAtTheirKnots() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = {0, 1, 2, 3, 2, 1, 0, -1};
        KnotCountSelection.Selection sel = new KnotCountSelection().select(NoisyData.of(x, y), 5);
        assertEquals(1, sel.chosen().network().neurons());
        assertTrue(sel.chosen().rss() < 1e-20, "exact: " + sel.chosen().rss());
    }
}
