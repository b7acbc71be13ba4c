package dev.sparsest.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultivariateDatasetTest {

    @Test
    void keepsRowsAndMergesExactDuplicates() {
        MultivariateDataset d = MultivariateDataset.of(new double[][] {{1, 2}, {3, 4}, {1, 2}, {0.0, 5}, {-0.0, 5}}, new double[] {1, 2, 1, 3, 3});
        assertEquals(3, d.size());
        assertEquals(2, d.dimension());
        assertEquals(4, d.x(1, 1));
        assertEquals(2, d.y(1));
    }

    @Test
    void rejectsBadInputNamingTheRow() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> MultivariateDataset.of(new double[][] {{1, 2}, {1, 2}}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("index 0") && e.getMessage().contains("index 1"), e.getMessage());
        assertTrue(assertThrows(InvalidDataException.class,
                () -> MultivariateDataset.of(new double[][] {{1, Double.NaN}}, new double[] {1})).getMessage().contains("column 2"));
        assertThrows(InvalidDataException.class, () -> MultivariateDataset.of(new double[][] {{1, 2}, {1}}, new double[] {1, 2}));
        assertThrows(InvalidDataException.class, () -> MultivariateDataset.of(new double[][] {{1}}, new double[] {1, 2}));
        assertThrows(InvalidDataException.class, () -> MultivariateDataset.of(new double[0][], new double[0]));
    }

    @Test
    void readsFeatureColumnsThenTargetFromCsv() {
        MultivariateDataset d = CsvReader.parse("a,b,y\n1,2,3\n4,5,6\n", "nd.csv").toMultivariate();
        assertEquals(2, d.size());
        assertEquals(2, d.dimension());
        assertEquals(6, d.y(1));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> CsvReader.parse("1,2,3\n1,2,4\n", "nd.csv").toMultivariate());
        assertTrue(e.getMessage().contains("nd.csv line 1") && e.getMessage().contains("nd.csv line 2"), e.getMessage());
    }
}
