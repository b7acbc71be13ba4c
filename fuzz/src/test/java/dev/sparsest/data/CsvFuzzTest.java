package dev.sparsest.data;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes into the CSV reader and on to a 1-D or d-D dataset: a valid dataset, or
 * {@link InvalidDataException} (whose message names the line where one is at fault); never
 * another exception, never a hang. Both entry points: a string and a byte stream (BOM, malformed
 * UTF-8 replaced by the decoder).
 */
class CsvFuzzTest {

    @FuzzTest
    void anyBytesGiveADatasetOrInvalidData(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        checkTable(() -> CsvReader.parse(text, "fuzz.csv"));
        checkTable(() -> CsvReader.read(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8), "fuzz.csv"));
    }

    private interface TableSource {
        NumericTable read() throws IOException;
    }

    private static void checkTable(TableSource source) throws IOException {
        NumericTable table;
        try {
            table = source.read();
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "an error says what is wrong");
            return;
        }
        for (int c = 0; c < table.columnCount(); c++) {
            assertEquals(table.rowCount(), table.column(c).length, "columns of one length");
        }
        try {
            if (table.columnCount() == 2) {
                checkDataset(table.toUnivariate());
            } else {
                checkDataset(table.toMultivariate());
            }
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }

    private static void checkDataset(UnivariateDataset d) {
        assertTrue(d.size() >= 1);
        for (int i = 0; i < d.size(); i++) {
            assertTrue(Double.isFinite(d.x(i)) && Double.isFinite(d.y(i)), "finite data");
            assertTrue(i == 0 || d.x(i - 1) < d.x(i), "sorted, distinct x");
        }
    }

    private static void checkDataset(MultivariateDataset d) {
        for (double v : d.inputs()) {
            assertTrue(Double.isFinite(v));
        }
        for (double v : d.targets()) {
            assertTrue(Double.isFinite(v));
        }
        assertEquals(d.size() * d.dimension(), d.inputs().length);
    }
}
