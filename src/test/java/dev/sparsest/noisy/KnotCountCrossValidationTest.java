package dev.sparsest.noisy;

import dev.sparsest.data.Folds;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.noisy.KnotCountCrossValidation.Family;
import dev.sparsest.noisy.KnotCountCrossValidation.Point;
import dev.sparsest.noisy.KnotCountCrossValidation.Selection;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The knot count by cross-validation: the true count of noisy piecewise-linear data, the one-SE
 * rule, the folds' arithmetic against an independent computation, one answer per seed, and
 * clear refusals.
 */
class KnotCountCrossValidationTest {

    /** Rows of y = 0.3 x + sum c_k relu(x - t_k) + noise on [0, 10]; x[0..n) then y[0..n). */
    static double[][] noisy(SplittableRandom r, int n, double sigma, double[] knots, double[] changes) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10.0 * i / (n - 1);
            y[i] = 0.3 * x[i] + sigma * r.nextGaussian();
            for (int k = 0; k < knots.length; k++) {
                y[i] += changes[k] * Math.max(0, x[i] - knots[k]);
            }
        }
        return new double[][] {x, y};
    }

    @Test
    void findsTheTrueNumberOfKnotsWithEitherFamily() {
        for (Family family : Family.values()) {
            SplittableRandom r = new SplittableRandom(8);
            int right = 0;
            for (int trial = 0; trial < 20; trial++) {
                int truth = trial % 4;
                double[] knots = new double[truth];
                double[] changes = new double[truth];
                for (int k = 0; k < truth; k++) {
                    knots[k] = 2.0 + 2.5 * k + r.nextDouble(-0.3, 0.3);
                    changes[k] = (k % 2 == 0 ? 1 : -1) * r.nextDouble(0.8, 1.5);
                }
                double[][] d = noisy(r, 150, 0.05, knots, changes);
                Selection sel = new KnotCountCrossValidation().select(d[0], d[1], 8, 5, trial, family);
                right += sel.chosen().network().neurons() == truth ? 1 : 0;
                assertOneStandardErrorRule(sel);
            }
            System.out.printf("cross-validation, %s: the true knot count on %d of 20%n", family, right);
            assertTrue(right >= 16, family + ": the true knot count on " + right + " of 20");
        }
    }

    private static void assertOneStandardErrorRule(Selection sel) {
        Point least = sel.curve().stream().min((a, b) -> Double.compare(a.validationMse(), b.validationMse())).orElseThrow();
        Point chosen = sel.chosen();
        assertTrue(chosen.knots() <= least.knots(), "never more knots than the least validation error");
        assertTrue(chosen.validationMse() <= least.validationMse() + least.standardError(), "within one standard error");
        for (Point p : sel.curve()) {
            assertTrue(p.knots() >= chosen.knots() || p.validationMse() > least.validationMse() + least.standardError(),
                    "a count with fewer knots was within one standard error: " + p.knots());
        }
    }

    /** With no knots each fold's fit is the least-squares line (or the minimax line): recomputed here from the folds. */
    @Test
    void theFoldsArithmeticAgreesWithAnIndependentLineFit() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] d = noisy(r, 37, 0.4, new double[] {4}, new double[] {1});
        int folds = 4;
        long seed = 11;
        Selection sel = new KnotCountCrossValidation().select(d[0], d[1], 0, folds, seed, Family.LEAST_SQUARES);
        int[][] held = Folds.kFold(d[0].length, folds, seed);
        double[] mse = new double[folds];
        for (int f = 0; f < folds; f++) {
            boolean[] out = new boolean[d[0].length];
            for (int i : held[f]) {
                out[i] = true;
            }
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int m = 0;
            for (int i = 0; i < d[0].length; i++) {
                if (!out[i]) {
                    sx += d[0][i];
                    sy += d[1][i];
                    sxx += d[0][i] * d[0][i];
                    sxy += d[0][i] * d[1][i];
                    m++;
                }
            }
            double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
            double intercept = (sy - slope * sx) / m;
            for (int i : held[f]) {
                double e = slope * d[0][i] + intercept - d[1][i];
                mse[f] += e * e / held[f].length;
            }
        }
        double mean = Arrays.stream(mse).average().orElseThrow();
        double var = Arrays.stream(mse).map(e -> (e - mean) * (e - mean)).sum() / (folds - 1);
        Point p = sel.curve().get(0);
        assertEquals(mean, p.validationMse(), 1e-9 * mean);
        assertEquals(Math.sqrt(var / folds), p.standardError(), 1e-7 * Math.sqrt(var / folds));
    }

    @Test
    void oneSeedOneAnswer() {
        double[][] d = noisy(new SplittableRandom(5), 80, 0.2, new double[] {3, 6}, new double[] {1, -1.5});
        for (Family family : Family.values()) {
            Selection a = new KnotCountCrossValidation().select(d[0], d[1], 6, 5, 42, family);
            Selection b = new KnotCountCrossValidation().select(d[0], d[1], 6, 5, 42, family);
            assertEquals(a.curve().size(), b.curve().size());
            for (int i = 0; i < a.curve().size(); i++) {
                assertEquals(a.curve().get(i).validationMse(), b.curve().get(i).validationMse(), 0.0);
            }
            assertEquals(a.chosen().knots(), b.chosen().knots());
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {0, 1, 0, 1, 0, 1};
        KnotCountCrossValidation cv = new KnotCountCrossValidation();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cv.select(x, y, 3, 4, 1, Family.LEAST_SQUARES))
                .getMessage().contains("at least 2 folds and 8 rows"));
        assertThrows(IllegalArgumentException.class, () -> cv.select(x, y, 3, 1, 1, Family.LEAST_SQUARES));
        assertThrows(IllegalArgumentException.class, () -> cv.select(x, y, -1, 2, 1, Family.MINIMAX));
        double[] few = {0, 0, 0, 0, 0, 1};
        assertTrue(assertThrows(InvalidDataException.class, () -> cv.select(few, y, 3, 3, 1, Family.MINIMAX))
                .getMessage().contains("fewer than two distinct x"));
        assertThrows(InvalidDataException.class, () -> cv.select(x, new double[] {0, 1, Double.NaN, 1, 0, 1}, 3, 2, 1,
                Family.LEAST_SQUARES));
    }
}
