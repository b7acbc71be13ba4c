package dev.sparsest.exact.multivariate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact l0 search on tiny arbitrary data (2 to 5 points in 1 to 3 dimensions; regimes: any
 * doubles, a small integer grid with repeats and ties, magnitudes from 1e-300 to 1e300 per column)
 * in both models. Either a refusal that says why ({@link InvalidDataException}: NaN, infinities, a
 * repeated row with another target, magnitudes outside 1e-300..1e300; {@link ArithmeticException}:
 * weights outside the double range, rows too close for the tolerances, an arrangement too
 * degenerate for doubles) or a proved certificate whose claims hold: the network interpolates to
 * the search's tolerance, its count is its nonzero products, and the same count
 * when every input column and the target are scaled by powers of two (exact).
 */
class L0SearchFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void tinyDataGiveAProvedInterpolantOrInvalidData(FuzzedDataProvider data) {
        int d = data.consumeInt(1, 3);
        int n = data.consumeInt(2, 5);
        int regime = data.consumeInt(0, 2);
        MultivariateModel model = data.consumeBoolean() ? MultivariateModel.AFFINE : MultivariateModel.PAPER;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        double[] columnMagnitude = new double[d + 1];
        for (int t = 0; t <= d; t++) {
            columnMagnitude[t] = Math.pow(10, data.consumeInt(-300, 300));
        }
        for (int i = 0; i < n; i++) {
            for (int t = 0; t <= d; t++) {
                double v = switch (regime) {
                    case 0 -> data.consumeDouble();
                    case 1 -> data.consumeInt(-3, 3);
                    default -> data.consumeRegularDouble(-1, 1) * columnMagnitude[t];
                };
                if (t < d) {
                    x[i][t] = v;
                } else {
                    y[i] = v;
                }
            }
        }
        MultivariateDataset dataset;
        try {
            dataset = MultivariateDataset.of(x, y);
            dataset.requireTwoPoints();
        } catch (InvalidDataException e) {
            return;
        }
        L0Certificate c;
        try {
            c = L0Search.of(dataset, model).solve(30, null, null);
        } catch (InvalidDataException e) { // outside 1e-300..1e300: refused by name
            assertTrue(e.getMessage().contains("outside 1e-300..1e300"), e.getMessage());
            return;
        } catch (ArithmeticException e) { // the documented refusals: weights outside doubles, or points too close for the tolerances
            assertTrue(e.getMessage().contains("outside the range of doubles") || e.getMessage().contains("too ill-conditioned")
                    || e.getMessage().contains("too degenerate for doubles"),
                    e.getMessage());
            return;
        }
        assertTrue(c.proved(), "proved: " + c.lowerBound() + " vs " + c.parameters());
        MultivariateNetwork f = c.network();
        double scale = 0;
        for (int i = 0; i < dataset.size(); i++) {
            scale = Math.max(scale, Math.abs(dataset.y(i)));
        }
        for (int i = 0; i < dataset.size(); i++) {
            double miss = Math.abs(f.evaluate(dataset.inputs(), i * d) - dataset.y(i));
            assertTrue(miss <= L0Search.INTERPOLATION_TOLERANCE * scale, "misses point " + i + " by " + miss);
        }
        assertEquals(c.parameters(), L0Search.neuronParameters(f));
        assertEquals(c.neurons(), f.activeNeurons(0)); // at most N only for the search's own optima: an incumbent proved optimal may have more
        int shift = data.consumeInt(-20, 20);
        double[][] xs = new double[n][d];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                xs[i][t] = Math.scalb(x[i][t], shift + t);
            }
            ys[i] = Math.scalb(y[i], -shift);
        }
        MultivariateDataset scaled;
        try {
            scaled = MultivariateDataset.of(xs, ys); // a power of two may overflow or underflow: then nothing to compare
        } catch (InvalidDataException e) {
            return;
        }
        if (exactlyScaled(x, y, xs, ys, shift)) {
            int count;
            try {
                count = L0Search.of(scaled, model).solve(30, null, null).parameters();
            } catch (InvalidDataException | ArithmeticException e) { // scaled to the edge of the double range: nothing to compare
                assertTrue(e.getMessage().contains("outside") || e.getMessage().contains("too ill-conditioned")
                        || e.getMessage().contains("too degenerate for doubles"), e.getMessage());
                return;
            }
            assertEquals(c.parameters(), count, "the same count in other units");
        }
    }

    /** Whether every scaled value maps back exactly (no overflow, no subnormal rounding). */
    private static boolean exactlyScaled(double[][] x, double[] y, double[][] xs, double[] ys, int shift) {
        for (int i = 0; i < y.length; i++) {
            for (int t = 0; t < x[i].length; t++) {
                if (Math.scalb(xs[i][t], -(shift + t)) != x[i][t]) {
                    return false;
                }
            }
            if (Math.scalb(ys[i], shift) != y[i]) {
                return false;
            }
        }
        return true;
    }
}
