package dev.sparsest.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.exact.Penalty;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as a grouped CSV file through {@code fit --group-by}'s pipeline (reader, fits, rows),
 * in one of the three modes: either {@link InvalidDataException} naming the file (a problem of the
 * whole file: no group column, no rows), or one output line per group after the header, every
 * group's failure in its own row; never another exception.
 */
class GroupedFitFuzzTest {

    @FuzzTest
    void anyFileGivesOneRowPerGroupOrAnErrorNamingTheFile(FuzzedDataProvider data) throws Exception {
        int modeChoice = data.consumeInt(0, 2);
        String column = data.consumeBoolean() ? "1" : data.consumeString(8);
        byte[] bytes = data.consumeRemainingAsBytes();
        Path file = Files.createTempFile("grouped-fuzz", ".csv");
        try {
            Files.write(file, bytes);
            GroupedFit.Mode mode = modeChoice == 0 ? GroupedFit.interpolation(Penalty.l0(), 1.0)
                    : modeChoice == 1 ? GroupedFit.tube(0.5) : GroupedFit.penalized(1.0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GroupedFit.Summary s;
            try {
                s = new GroupedFit(mode, 2, false).run(file, column, 2, out);
            } catch (InvalidDataException e) {
                assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
                return;
            }
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
            assertEquals(GroupedFit.CSV_HEADER, lines[0]);
            assertEquals(s.groups() + 2, lines.length, "one row per group, then the final newline");
            assertTrue(s.errors() <= s.groups());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
