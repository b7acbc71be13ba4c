package dev.sparsest.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tolerance the refusals name is the largest half-spread of y at one x, from above and within
 * 1e-11 relative of it (checked in BigDecimal), and the data's own tube test accepts it, on rows
 * at any scale.
 */
class SmallestTubeTest {

    @Test
    void theNamedToleranceIsTheLeastThatWorks() {
        SplittableRandom r = new SplittableRandom(12);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + r.nextInt(12);
            double scale = Math.pow(10, r.nextInt(-200, 200));
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(4);
                y[i] = (r.nextDouble() * 2 - 1) * scale + (trial % 3 == 0 ? 1e6 * scale : 0);
            }
            x[1] = x[0]; // at least one repeated x
            y[1] = y[0] + scale * (0.5 + r.nextDouble());
            String message = assertThrows(InvalidDataException.class, () -> UnivariateDataset.of(x, y)).getMessage();
            double eps = Double.parseDouble(message.replaceAll(".*a tolerance of at least (\\S+) .*", "$1"));
            NoisyData.of(x, y, eps).requireTube();
            java.math.BigDecimal half = java.math.BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (x[i] == x[j]) {
                        java.math.BigDecimal h = new java.math.BigDecimal(y[i]).subtract(new java.math.BigDecimal(y[j]))
                                .divide(java.math.BigDecimal.valueOf(2));
                        half = half.max(h);
                    }
                }
            }
            assertTrue(new java.math.BigDecimal(eps).compareTo(half) >= 0, "trial " + trial + ": below the half-spread");
            assertTrue(new java.math.BigDecimal(eps).compareTo(half.multiply(new java.math.BigDecimal("1.00000000001"))) <= 0,
                    "trial " + trial + ": more than 1e-11 above the least");
        }
    }

    /** Found by fuzzing: 12 digits rounded up past the largest double made BigDecimal throw. */
    @Test
    void theLargestSpreadsNameTheLargestDouble() {
        double[] x = {0, 0};
        double[] y = {-Double.MAX_VALUE, Double.MAX_VALUE};
        assertEquals(Double.MAX_VALUE, SmallestTube.tolerance(x, y, new int[] {0, 1}));
        String message = assertThrows(InvalidDataException.class, () -> NoisyData.of(x, y, 0).requireTube()).getMessage();
        assertTrue(message.contains("a tolerance of at least " + Double.MAX_VALUE), message);
    }

    @Test
    void theMessagesSayWhatToDo() {
        double[] x = {1, 1, 2, 3, 3};
        double[] y = {2, 3, 5, 4, 4.25};
        String interpolation = assertThrows(InvalidDataException.class, () -> UnivariateDataset.of(x, y)).getMessage();
        assertTrue(interpolation.contains("at least 0.5 ") && interpolation.contains("--tube 0.5")
                && interpolation.contains("--lambda"), interpolation);
        String tube = assertThrows(InvalidDataException.class, () -> NoisyData.of(x, y, 0.1).requireTube()).getMessage();
        assertTrue(tube.contains("do not overlap") && tube.contains("at least 0.5 "), tube);
        String perRow = assertThrows(InvalidDataException.class,
                () -> NoisyData.withTolerances(x, y, new double[] {0.1, 0.2, 0, 0, 0}).requireTube()).getMessage();
        assertTrue(perRow.contains("with one tolerance for every row, a tolerance of at least 0.5 "), perRow);
        assertEquals(0, SmallestTube.tolerance(new double[] {1, 2}, new double[] {5, 6}, new int[] {0, 1}));
    }
}
