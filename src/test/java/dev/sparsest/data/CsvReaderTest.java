package dev.sparsest.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    private static UnivariateDataset read(String text) {
        return CsvReader.parse(text, "data.csv").toUnivariate();
    }

    private static String error(String text) {
        return assertThrows(InvalidDataException.class, () -> read(text)).getMessage();
    }

    @Test
    void readsCommaAndWhitespaceSeparatedWithHeaderCommentsAndBlankLines() {
        UnivariateDataset a = read("# measured\nx,y\n\n0, 1\n1,2   # inline comment\n2 ,3\n");
        assertArrayEquals(new double[] {0, 1, 2}, a.xs());
        assertArrayEquals(new double[] {1, 2, 3}, a.ys());
        UnivariateDataset b = read("0\t1\n1   2\r\n2 3\n");
        assertArrayEquals(new double[] {1, 2, 3}, b.ys());
        NumericTable t = CsvReader.parse("\uFEFFtime value\n1 2\n", "t.csv");
        assertEquals(java.util.List.of("time", "value"), t.header());
        NumericTable quoted = CsvReader.parse("\"income\",\"food exp\",\"\"\n1,2,3\n", "q.csv"); // as R and pandas write headers
        assertEquals(java.util.List.of("income", "food exp", ""), quoted.header());
    }

    @Test
    void readsTheDecimalGrammarAndRejectsOtherNumberForms() {
        assertArrayEquals(new double[] {-1.5e-3, 0.5, 5, 7}, read("-1.5e-3,1\n.5,2\n5.,3\n+7,4\n").xs());
        for (String bad : new String[] {"0x1p3", "1d", "1f", "1e", "--1", "1.2.3", "1,5", "abc"}) {
            String msg = error("0,0\n" + bad + ",1\n");
            assertTrue(msg.contains("data.csv line 2"), bad + ": " + msg);
        }
    }

    @Test
    void unparseableLineIsNamedWithItsNumberAndColumn() {
        String msg = error("x,y\n1,2\n3,oops\n");
        assertEquals("data.csv line 3, column 2: not a number: 'oops'", msg);
    }

    @Test
    void raggedRowsAndEmptyFieldsAreErrors() {
        assertTrue(error("1,2\n3,4,5\n").contains("line 2: 3 values where earlier rows have 2"));
        assertTrue(error("1,2\n3\n").contains("line 2: 1 values"));
        assertTrue(error("1,,2\n").contains("line 1: empty field"));
        assertTrue(error("a,b\n1,2,3\n").contains("line 2: 3 values, but the header has 2 columns"));
    }

    @Test
    void nonFiniteValuesAreReportedWithTheirLine() {
        String msg = error("0,0\n1,nan\n2,2\n");
        assertTrue(msg.contains("data.csv line 2") && msg.contains("NaN"), msg);
        assertTrue(error("0,0\n-inf,1\n").contains("line 2"));
    }

    @Test
    void duplicateXWithDifferentYNamesBothLines() {
        String msg = error("x,y\n1,2\n2,3\n1,4\n");
        assertTrue(msg.contains("data.csv line 2") && msg.contains("data.csv line 4"), msg);
    }

    @Test
    void emptyAndHeaderOnlyInputsAreErrors() {
        assertTrue(error("").contains("no data rows"));
        assertTrue(error("# nothing\n\n").contains("no data rows"));
        assertTrue(error("x,y\n").contains("no data rows"));
        assertTrue(error("x,y\na,b\n").contains("line 2"), "a second non-numeric line is not a header");
        assertTrue(error("1,2x\n3,4\n").contains("line 1"), "a line mixing numbers and words is no header");
    }

    @Test
    void wrongColumnCountForUnivariateData() {
        assertTrue(error("1,2,3\n").contains("expected 2 columns"));
    }

    @Test
    void readsFilesAndSingleColumns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "x\n0.5\n1.5\n");
        assertArrayEquals(new double[] {0.5, 1.5}, CsvReader.read(f).column(0));
    }
}
