package dev.sparsest;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NoisyData;
import dev.sparsest.data.NumericTable;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.noisy.TubeSolver;
import dev.sparsest.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README, "Input policy": one test per row of the table, in its order. */
class InputPolicyTest {

    private static String refused(Supplier<?> action) {
        return assertThrows(IllegalArgumentException.class, action::get).getMessage();
    }

    private static NumericTable csv(String text) {
        return CsvReader.parse(text, "data.csv");
    }

    @Test
    void nanOrInfinityIsRefusedNamingTheLine() {
        String m = refused(() -> csv("x,y\n0,1\n1,nan\n").toUnivariate());
        assertTrue(m.contains("line 3"), m);
        assertTrue(refused(() -> csv("0 1\n1 inf\n2 0\n").toUnivariate()).contains("line 2"));
        assertTrue(refused(() -> csv("0 1 2\n1 -inf 0\n").toMultivariate()).contains("line 2"));
    }

    @Test
    void repeatedXWithEqualYIsMergedAndWithDifferentYRefusedNamingBothRows() {
        UnivariateDataset d = csv("0,1\n1,2\n1,2\n2,0\n").toUnivariate();
        assertEquals(3, d.size());
        String m = refused(() -> csv("0,1\n1,2\n1,3\n").toUnivariate());
        assertTrue(m.contains("line 2") && m.contains("line 3"), m);
    }

    @Test
    void unsortedInputIsSorted() {
        UnivariateDataset d = csv("2,0\n0,1\n1,5\n").toUnivariate();
        assertArrayEquals(new double[] {0, 1, 2}, d.xs());
        assertArrayEquals(new double[] {1, 5, 0}, d.ys());
    }

    @Test
    void fewerThanTwoPointsAreRefused() {
        assertTrue(refused(() -> csv("# nothing\n").toUnivariate()).contains("no data rows"));
        UnivariateDataset one = UnivariateDataset.of(new double[] {1}, new double[] {2});
        assertTrue(refused(() -> new ChordPathSolver().solve(one, Penalty.l0())).contains("at least 2"));
        assertTrue(refused(() -> Sparsest.train(one, TrainConfig.defaults())).contains("at least 2"));
        assertEquals(0, Sparsest.fit(UnivariateDataset.of(new double[] {0, 1}, new double[] {0, 3}), Penalty.l0()).neurons(),
                "two points: the line through them");
    }

    @Test
    void mismatchedLengthsAndRaggedRowsAreRefused() {
        assertTrue(refused(() -> UnivariateDataset.of(new double[] {0, 1}, new double[] {0})).contains("differ in length"));
        String m = refused(() -> csv("0,1\n1,2,3\n"));
        assertTrue(m.contains("line 2"), m);
    }

    @Test
    void emptyLinesCommentsAndAHeaderAreSkipped() {
        NumericTable t = csv("\uFEFF# measured\nx, y\n\n0, 1  # first\n\n1, 2\n");
        assertEquals(2, t.rowCount());
        assertEquals(java.util.List.of("x", "y"), t.header());
    }

    @Test
    void unparseableNumbersAreRefusedWithLineAndColumn() {
        String m = refused(() -> csv("0,1\n1,2.5.1\n"));
        assertTrue(m.contains("line 2, column 2"), m);
    }

    @Test
    void hugeFilesAreStreamed() throws Exception {
        // 200 000 rows read through a Reader that produces them on the fly: no line is kept
        int rows = 200_000;
        Reader generated = new Reader() {
            private int row;
            private String pending = "";
            private int at;

            @Override
            public int read(char[] buf, int off, int len) {
                if (at == pending.length()) {
                    if (row == rows) {
                        return -1;
                    }
                    pending = row + "," + (row % 7) + "\n";
                    at = 0;
                    row++;
                }
                int n = Math.min(len, pending.length() - at);
                pending.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        assertEquals(rows, CsvReader.read(generated, "generated").toUnivariate().size());
    }

    @Test
    void magnitudesThatOverflowTheSlopesAreRefusedTinyOnesWork() {
        UnivariateDataset huge = UnivariateDataset.of(new double[] {0, 1e-300, 1}, new double[] {0, 1e300, 0});
        assertTrue(refused(() -> new ChordPathSolver().solve(huge, Penalty.l0())).contains("rescale"));
        UnivariateDataset tiny = UnivariateDataset.of(new double[] {0, 1e-290, 2e-290, 3e-290}, new double[] {0, 1e-290, 0, 0});
        assertEquals(2, new ChordPathSolver().solve(tiny, Penalty.l0()).neurons());
        UnivariateDataset subnormal = UnivariateDataset.of(new double[] {0, 1e-310, 2e-310}, new double[] {0, 1e-310, 0});
        assertTrue(refused(() -> new ChordPathSolver().solve(subnormal, Penalty.l0())).contains("rescale"));
        MultivariateDataset nd = csv("0 0 1\n1 1 2\n").toMultivariate();
        assertEquals(2, nd.size());
    }

    @Test
    void noisyModesKeepRepeatedXAndRefuseTubesThatDoNotOverlap() {
        NoisyData d = csv("0,1\n1,2\n1,4\n2,0\n").toNoisyData(1);
        assertEquals(3, d.size());
        assertEquals(3, d.mean(1));
        assertEquals(2, d.weight(1));
        assertEquals(3, d.lower(1));
        assertEquals(3, d.upper(1));
        String m = refused(() -> new TubeSolver().solve(csv("0,1\n1,2\n1,5\n2,0\n").toNoisyData(1)));
        assertTrue(m.contains("line 2") && m.contains("line 3"), m);
    }

    @Test
    void badTolerancesAreRefusedNamingTheLine() {
        assertTrue(refused(() -> csv("0,1\n1,2\n2,0\n").toNoisyData(-1)).contains("line 1"));
        assertTrue(refused(() -> csv("0,1,0.1\n1,2,nan\n2,0,0.1\n").toNoisyData(Double.NaN)).contains("line 2"));
        assertTrue(refused(() -> csv("0,1,0.1\n1,2,-0.5\n2,0,0.1\n").toNoisyData(Double.NaN)).contains("line 2"));
    }

    @Test
    void optionsOutOfRangeAreRefused() {
        assertTrue(refused(() -> TrainConfig.defaults().withP(0)).contains("p must be in (0, 1]"));
        assertTrue(refused(() -> TrainConfig.defaults().withP(1.5)).contains("p must be in (0, 1]"));
        assertTrue(refused(() -> TrainConfig.defaults().withLambda(-0.1)).contains("lambda"));
        assertTrue(refused(() -> TrainConfig.defaults().withWidth(0)).contains("width"));
        assertTrue(refused(() -> TrainConfig.defaults().withEpochs(-1)).contains("epochs"));
        assertTrue(refused(() -> Penalty.lp(1.5)).contains("p must be in [0, 1]"));
        assertTrue(refused(() -> new ChordPathSolver(-1)).contains("tolerance"));
    }
}
