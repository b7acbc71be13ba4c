package dev.sparsest.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnivariateDatasetTest {

    @Test
    void sortsByXAndKeepsPairsTogether() {
        UnivariateDataset d = UnivariateDataset.of(new double[] {3, 1, 2}, new double[] {30, 10, 20});
        assertArrayEquals(new double[] {1, 2, 3}, d.xs());
        assertArrayEquals(new double[] {10, 20, 30}, d.ys());
    }

    @Test
    void sortIsCorrectForLargeShuffledInput() {
        int n = 10_001;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2 * i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = x[i]; x[i] = x[j]; x[j] = t;
            t = y[i]; y[i] = y[j]; y[j] = t;
        }
        UnivariateDataset d = UnivariateDataset.of(x, y);
        for (int i = 0; i < n; i++) {
            assertEquals(i, d.x(i));
            assertEquals(2 * i, d.y(i));
        }
    }

    @Test
    void mergesExactDuplicatePoints() {
        UnivariateDataset d = UnivariateDataset.of(new double[] {1, 2, 1, 2, 0.0, -0.0}, new double[] {5, 6, 5, 6, 7, 7});
        assertEquals(3, d.size());
        assertEquals(3, d.mergedDuplicates());
        assertArrayEquals(new double[] {0, 1, 2}, d.xs());
    }

    @Test
    void rejectsRepeatedXWithDifferentYNamingBothRows() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> UnivariateDataset.of(new double[] {1, 2, 1}, new double[] {5, 6, 7}));
        assertTrue(e.getMessage().contains("repeated x = 1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("index 0") && e.getMessage().contains("index 2"), e.getMessage());
        assertTrue(e.getMessage().contains("y = 5.0") && e.getMessage().contains("y = 7.0"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteValuesNamingTheRow() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            InvalidDataException ex = assertThrows(InvalidDataException.class,
                    () -> UnivariateDataset.of(new double[] {0, 1, bad}, new double[] {0, 1, 2}));
            assertTrue(ex.getMessage().contains("index 2"), ex.getMessage());
            InvalidDataException ey = assertThrows(InvalidDataException.class,
                    () -> UnivariateDataset.of(new double[] {0, 1, 2}, new double[] {0, bad, 2}));
            assertTrue(ey.getMessage().contains("index 1"), ey.getMessage());
        }
    }

    @Test
    void rejectsMismatchedLengthsEmptyInputAndNull() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> UnivariateDataset.of(new double[] {0, 1}, new double[] {0}));
        assertTrue(e.getMessage().contains("2 x values, 1 y values"), e.getMessage());
        assertThrows(InvalidDataException.class, () -> UnivariateDataset.of(new double[0], new double[0]));
        assertThrows(InvalidDataException.class, () -> UnivariateDataset.of(null, new double[0]));
    }

    @Test
    void oneAndTwoPointsAreValid() {
        assertEquals(1, UnivariateDataset.of(new double[] {1}, new double[] {2}).size());
        assertEquals(2, UnivariateDataset.of(new double[] {1, 0}, new double[] {2, 3}).size());
    }

    @Test
    void inputArraysAreCopied() {
        double[] x = {0, 1};
        double[] y = {0, 1};
        UnivariateDataset d = UnivariateDataset.of(x, y);
        x[0] = 5;
        y[0] = 5;
        assertEquals(0, d.x(0));
        assertEquals(0, d.y(0));
    }
}
