package dev.sparsest.cli;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.json.Json;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.PenalizedSolver;
import dev.sparsest.data.NoisyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fit --group-by: every group's row against the single fit of its rows, in any order, on any thread count. */
class GroupedFitTest {
    @TempDir
    Path dir;

    /** Random groups of 2-40 rows, x in random order in every other group, ids with a space in some; each group's rows together. */
    private static List<String[]> groups(SplittableRandom r, int count) {
        List<String[]> rows = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            String id = g % 7 == 3 ? "store " + g : "s" + g;
            int n = 2 + r.nextInt(39);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + r.nextDouble(0, 0.9);
            }
            for (int i = n - 1; i > 0 && g % 2 == 0; i--) { // even groups in random x order
                int j = r.nextInt(i + 1);
                double t = x[i];
                x[i] = x[j];
                x[j] = t;
            }
            for (double xi : x) {
                rows.add(new String[] {id, Double.toString(xi), Double.toString(Math.floor(r.nextDouble(-5, 5) * 8) / 8)});
            }
        }
        return rows;
    }

    private Path write(String name, List<String[]> rows) throws Exception {
        StringBuilder sb = new StringBuilder("series,x,y\n");
        for (String[] row : rows) {
            sb.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private static List<Map<?, ?>> jsonLines(String out) {
        List<Map<?, ?>> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            lines.add((Map<?, ?>) Json.parse(line));
        }
        return lines;
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> (Double) v).toArray();
    }

    /** The network a row describes, rebuilt from its fields. */
    private static UnivariateNetwork network(Map<?, ?> row) {
        return UnivariateNetwork.of(doubles(row.get("knots")), doubles(row.get("slopeChanges")), (Double) row.get("slope"),
                (Double) row.get("anchorX"), (Double) row.get("anchorY"));
    }

    @Test
    void everyGroupEqualsItsSingleFitBitForBitOnAnyThreadCount() throws Exception {
        List<String[]> rows = groups(new SplittableRandom(41), 60);
        Path sorted = write("sorted.csv", rows);
        CliTest.Result one = CliTest.run("fit", sorted.toString(), "--group-by", "series", "--format", "json", "--threads", "1");
        assertEquals(0, one.code(), one.err());
        CliTest.Result three = CliTest.run("fit", sorted.toString(), "--group-by", "1", "--format", "json", "--threads", "3");
        assertEquals(one.out(), three.out(), "thread count changed the output");
        List<Map<?, ?>> lines = jsonLines(one.out());
        assertEquals(60, lines.size());
        ChordPathSolver solver = new ChordPathSolver();
        for (int g = 0; g < 60; g++) {
            Map<?, ?> row = lines.get(g);
            String id = (String) row.get("group");
            double[] x = rows.stream().filter(r -> r[0].equals(id)).mapToDouble(r -> Double.parseDouble(r[1])).toArray();
            double[] y = rows.stream().filter(r -> r[0].equals(id)).mapToDouble(r -> Double.parseDouble(r[2])).toArray();
            assertNull(row.get("error"), id);
            ExactSolution s = solver.solve(UnivariateDataset.of(x, y), Penalty.l0());
            assertEquals(s.network(), network(row), id);
            assertEquals((double) s.neurons(), row.get("neurons"), id);
            assertEquals((double) x.length, row.get("rows"), id);
        }
    }

    @Test
    void unsortedInputGivesTheSameRowsInOrderOfFirstAppearance() throws Exception {
        List<String[]> rows = groups(new SplittableRandom(42), 25);
        CliTest.Result sorted = CliTest.run("fit", write("a.csv", rows).toString(), "--group-by", "series", "--lambda", "0.5");
        List<String[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new java.util.Random(7));
        // the groups' first appearances in the shuffled file decide the output order; rows within a group keep their order
        List<String> order = new ArrayList<>();
        for (String[] r : shuffled) {
            if (!order.contains(r[0])) {
                order.add(r[0]);
            }
        }
        List<String[]> interleaved = new ArrayList<>();
        for (String[] r : shuffled) {
            interleaved.add(rows.stream().filter(o -> o[0].equals(r[0]))
                    .skip(interleaved.stream().filter(o -> o[0].equals(r[0])).count()).findFirst().orElseThrow());
        }
        CliTest.Result unsorted = CliTest.run("fit", write("b.csv", interleaved).toString(), "--group-by", "series", "--lambda", "0.5");
        assertEquals(0, unsorted.code(), unsorted.err());
        assertTrue(unsorted.err().contains("not sorted by series"), unsorted.err());
        String[] a = sorted.out().split("\n");
        String[] b = unsorted.out().split("\n");
        assertEquals(a[0], b[0]);
        assertEquals(GroupedFit.CSV_HEADER, b[0]);
        for (int i = 0; i < order.size(); i++) {
            String id = GroupedFit.csvField(order.get(i));
            String expected = Arrays.stream(a).filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
            assertEquals(expected, b[i + 1]);
        }
        // and the penalized fit equals the single one
        String first = b[1];
        String gid = order.get(0);
        double[] x = rows.stream().filter(r -> r[0].equals(gid)).mapToDouble(r -> Double.parseDouble(r[1])).toArray();
        double[] y = rows.stream().filter(r -> r[0].equals(gid)).mapToDouble(r -> Double.parseDouble(r[2])).toArray();
        int neurons = new PenalizedSolver().solve(NoisyData.of(x, y), 0.5).neurons();
        assertTrue(first.contains(",lambda," + x.length + "," + neurons + ","), first);
    }

    @Test
    void badGroupsGetErrorRowsAndTheOthersTheirFits() throws Exception {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "id,x,y\n"
                + "ok,0,0\nok,1,1\nok,2,0\n"
                + "one,5,5\n"
                + "word,0,1\nword,1,two\nword,2,3\n"
                + "empty,0,1\nempty,,2\n"
                + "nan,0,1\nnan,1,nan\n"
                + "rep,0,1\nrep,0,2\n"
                + "short,0\n"
                + "last,0,0\nlast,1,1\n");
        Path out = dir.resolve("rows.json");
        CliTest.Result r = CliTest.run("fit", p.toString(), "--group-by", "id", "--format", "json", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("8 group(s), 6 with errors"), r.err());
        List<Map<?, ?>> rows = jsonLines(Files.readString(out));
        assertEquals(List.of("ok", "one", "word", "empty", "nan", "rep", "short", "last"), rows.stream().map(m -> m.get("group")).toList());
        assertNull(rows.get(0).get("error"));
        assertNull(rows.get(7).get("error"));
        assertTrue(((String) rows.get(2).get("error")).contains("line 7, column 3: not a number: 'two'"), rows.get(2).toString());
        assertTrue(((String) rows.get(3).get("error")).contains("line 10: empty field"), rows.get(3).toString());
        assertTrue(((String) rows.get(4).get("error")).toLowerCase().contains("nan"), rows.get(4).toString());
        assertTrue(((String) rows.get(5).get("error")).contains("--tube 0.5"), rows.get(5).toString());
        assertTrue(((String) rows.get(6).get("error")).contains("line 15: 2 fields, column 3 missing"), rows.get(6).toString());
    }

    @Test
    void wholeFileProblemsNameTheFileAndWhatToDo() throws Exception {
        Path p = dir.resolve("g.csv");
        Files.writeString(p, "id,x,y\na,0,0\na,1,1\n");
        CliTest.Result noColumn = CliTest.run("fit", p.toString(), "--group-by", "store");
        assertEquals(1, noColumn.code());
        assertTrue(noColumn.err().contains("--group-by store names no column; the header has id, x, y"), noColumn.err());
        CliTest.Result plot = CliTest.run("fit", p.toString(), "--group-by", "id", "--plot", dir.resolve("x.png").toString());
        assertTrue(plot.err().contains("--plot draws one fit"), plot.err());
        assertTrue(CliTest.run("fit", p.toString(), "--group-by", "id", "--knots", "2").err().contains("one-dataset fits for now"));
        CliTest.Result threads = CliTest.run("fit", p.toString(), "--threads", "2");
        assertTrue(threads.err().contains("--threads applies to --group-by"), threads.err());
        Path narrow = dir.resolve("narrow.csv");
        Files.writeString(narrow, "id,x\na,0\n");
        CliTest.Result two = CliTest.run("fit", narrow.toString(), "--group-by", "id");
        assertTrue(two.err().contains("2 columns, but the group column and 2 value columns"), two.err());
        Path missing = dir.resolve("none").resolve("rows.csv");
        CliTest.Result folder = CliTest.run("fit", p.toString(), "--group-by", "id", "-o", missing.toString());
        assertTrue(folder.err().contains("folder does not exist"), folder.err());
    }

    @Test
    void perRowTubesFromTheColumnAfterY() throws Exception {
        Path p = dir.resolve("tubes.csv");
        Files.writeString(p, "g,x,y,eps\na,0,0,0.01\na,1,1,0.01\na,2,0,5\na,3,3,0.01\nb,0,0,0.1\nb,1,1,0.1\nb,2,0,0.1\n");
        CliTest.Result r = CliTest.run("fit", p.toString(), "--group-by", "g", "--tube", "col3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        List<Map<?, ?>> rows = jsonLines(r.out());
        assertEquals(0.0, rows.get(0).get("neurons")); // y = x passes every tube
        assertEquals(1.0, rows.get(1).get("neurons")); // up to x = 1, then down: one knot
        assertArrayEquals(new double[] {}, doubles(rows.get(0).get("knots")));
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByLineAndColumn() throws Exception {
        Path single = dir.resolve("latin1.csv");
        Files.write(single, new byte[] {'x', ',', 'y', '\n', '0', ',', '1', '\n', '1', ',', (byte) 0xff, '\n'});
        CliTest.Result r = CliTest.run("fit", single.toString());
        assertTrue(r.err().contains("line 3, column 2: not a number"), r.err()); // was: MalformedInputException
        Path grouped = dir.resolve("latin1-groups.csv");
        Files.write(grouped, new byte[] {'g', ',', 'x', ',', 'y', '\n', 'a', ',', '0', ',', (byte) 0xe9, '\n', 'b', ',', '0', ',', '1', '\n', 'b', ',', '1', ',', '1', '\n'});
        CliTest.Result g = CliTest.run("fit", grouped.toString(), "--group-by", "g");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("line 2, column 3: not a number"), g.out());
        assertTrue(g.out().contains("\nb,l0,2,0,"), g.out());
    }
}
