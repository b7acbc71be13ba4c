package dev.sparsest.cli;

import dev.sparsest.json.Json;
import dev.sparsest.model.UnivariateJson;
import dev.sparsest.model.UnivariateNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end, in process: outputs, files, exit codes, error messages. */
class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** As {@link #run} with {@code input} as standard input. */
    static synchronized Result runWithInput(String input, String... args) {
        java.io.InputStream oldIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return run(args);
        } finally {
            System.setIn(oldIn);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path pStarData() throws Exception {
        return write("pstar.csv", "x,y\n0,0\n1,0\n2,0.01\n3,1.02\n4,3.03\n5,5.05\n");
    }

    @Test
    void fitPrintsTheDocumentedJson() throws Exception {
        Result r = run("fit", pStarData().toString(), "--p", "0.5", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals(3.0, m.get("neurons"));
        assertEquals(0.5, m.get("p"));
        assertEquals(2.0, m.get("l0LowerBound"));
        assertEquals(2.02, (Double) m.get("l1Value"), 1e-12);
        assertEquals(0.0, m.get("slope"));
        assertEquals(0.0, m.get("intercept"));
        List<?> knots = (List<?>) m.get("knots");
        assertEquals(3, knots.size());
        assertEquals(List.of(1.0, 0.01), knots.get(0));
        double cost = Math.pow(0.01, 0.5) + Math.pow(2, 0.5) + Math.pow(0.01, 0.5);
        assertEquals(cost, (Double) m.get("cost"), 1e-12);
        Map<?, ?> l0 = (Map<?, ?>) Json.parse(run("fit", pStarData().toString(), "--format", "json").out());
        assertEquals(0.0, l0.get("p"));
        assertEquals(2.0, l0.get("cost"));
    }

    @Test
    void fitWritesAModelThatPredictReproducesTheData() throws Exception {
        Path model = dir.resolve("model.json");
        Result r = run("fit", pStarData().toString(), "--l1", "-o", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("neurons      2"), r.out());
        UnivariateNetwork f = UnivariateJson.read(Files.readString(model));
        assertEquals(2, f.neurons());
        Result p = run("predict", model.toString(), pStarData().toString());
        assertEquals(0, p.code(), p.err());
        String[] lines = p.out().trim().split("\n");
        double[] expected = {0, 0, 0.01, 1.02, 3.03, 5.05};
        assertEquals(expected.length, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(expected[i], Double.parseDouble(lines[i]), 1e-12);
        }
    }

    @Test
    void fitPlotsPngAndSvg() throws Exception {
        Path png = dir.resolve("fit.png");
        Path svg = dir.resolve("fit.svg");
        assertEquals(0, run("fit", pStarData().toString(), "--plot", png.toString()).code());
        assertEquals(0, run("fit", pStarData().toString(), "--plot", svg.toString()).code());
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        assertTrue(Files.readString(svg).contains("<svg"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void thresholdPrintsPStar() throws Exception {
        Result r = run("threshold", pStarData().toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals(0.1807, (Double) m.get("pStar"), 1e-4);
        assertEquals(Boolean.TRUE, m.get("certified"));
        assertEquals(2.0, m.get("l0Neurons"));
        assertEquals(3.0, m.get("neuronsAbove"));
        Result table = run("threshold", pStarData().toString());
        assertTrue(table.out().contains("p* = 0.1807"), table.out());
        Result none = run("threshold", write("peak.csv", "-2 0\n-1 0\n0 1\n1 1\n2 0\n3 0\n").toString());
        assertTrue(none.out().contains("none below 1"), none.out());
    }

    @Test
    void badInputGivesAClearErrorWithoutAStackTrace() throws Exception {
        Result missing = run("fit", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("sparsest: error: file not found"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");

        Result bad = run("fit", write("bad.csv", "x,y\n1,2\n2,abc\n").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("bad.csv line 3, column 2: not a number: 'abc'"), bad.err());

        Result dup = run("fit", write("dup.csv", "1,2\n1,3\n").toString());
        assertTrue(dup.err().contains("line 1") && dup.err().contains("line 2"), dup.err());

        Result debug = run("fit", dir.resolve("nope.csv").toString(), "--debug");
        assertTrue(debug.err().contains("\tat "), "stack trace with --debug");
    }

    @Test
    void badOptionsAreRefusedBeforeAnyWork() throws Exception {
        Path data = pStarData();
        Result p = run("fit", data.toString(), "--p", "1.5");
        assertEquals(1, p.code());
        assertTrue(p.err().contains("--p must be strictly between 0 and 1"), p.err());
        Result both = run("fit", data.toString(), "--p", "0.5", "--l0");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        Result plot = run("fit", data.toString(), "--plot", dir.resolve("fit.gif").toString());
        assertEquals(1, plot.code());
        assertTrue(plot.err().contains(".png or .svg"), plot.err());
        assertFalse(Files.exists(dir.resolve("fit.gif")));
        Result tol = run("fit", data.toString(), "--tol", "-1");
        assertEquals(1, tol.code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run().code());
    }

    @Test
    void predictTakesTheInputsOrADataFileAndNothingElse() throws Exception {
        Path data = write("nd3.csv", "a,b,y\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n");
        Path model = dir.resolve("nd3.json");
        assertEquals(0, run("train", data.toString(), "--lambda", "0.003", "--epochs", "500", "--width", "4", "-o", model.toString()).code());
        String viaFile = run("predict", model.toString(), data.toString()).out();
        Path inputsOnly = write("inputs.csv", "a,b\n0,0\n1,0\n0,1\n1,1\n");
        assertEquals(viaFile, run("predict", model.toString(), inputsOnly.toString()).out(), "inputs alone, or with the target last");
        Result piped = runWithInput("a,b\n0,0\n1,0\n0,1\n1,1\n", "predict", model.toString(), "-");
        assertEquals(0, piped.code(), piped.err());
        assertEquals(viaFile, piped.out(), "- reads standard input");

        // the model knows its inputs' names: a file with a header is read by name, in any order
        Map<?, ?> m = (Map<?, ?>) Json.parse(Files.readString(model));
        assertEquals(List.of("a", "b"), m.get("inputs"));
        Path yFirst = write("y-first.csv", "y,c,b,a\n0,5,0,0\n1,5,0,1\n1,5,1,0\n0,5,1,1\n");
        Result byName = run("predict", model.toString(), yFirst.toString());
        assertEquals(0, byName.code(), byName.err());
        assertEquals(viaFile, byName.out(), "columns found by name");
        Path missing = write("missing.csv", "y,c,a\n0,5,0\n");
        Result noB = run("predict", model.toString(), missing.toString());
        assertEquals(1, noB.code());
        assertTrue(noB.err().contains("the model's input \"b\" is not a column of its header [y, c, a]"), noB.err());

        // without a header the columns are positional, and only two layouts are taken
        Path wide = write("wide.csv", "0,0,0,5\n1,1,0,5\n");
        Result r = run("predict", model.toString(), wide.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out(), "nothing predicted");
        assertTrue(r.err().contains("the model takes 2 inputs, so the file needs 2 columns (the inputs) or 3"), r.err());
        assertTrue(r.err().contains("it has 4"), r.err());
        Path narrow = write("narrow.csv", "0\n1\n");
        assertEquals(1, run("predict", model.toString(), narrow.toString()).code());

        Path oneD = dir.resolve("p.json");
        assertEquals(0, run("fit", pStarData().toString(), "-o", oneD.toString()).code());
        Result three = run("predict", oneD.toString(), wide.toString());
        assertEquals(1, three.code());
        assertTrue(three.err().contains("the model takes 1 input, so the file needs 1 column (the inputs) or 2"), three.err());
        Result lateNan = runWithInput("a,b\n0,0\n1,0\n0,nan\n", "predict", model.toString(), "-");
        assertEquals(1, lateNan.code());
        assertEquals("", lateNan.out(), "no prediction before the bad row");
        assertTrue(lateNan.err().contains("standard input line 4 column 2: non-finite input NaN"), lateNan.err());
        Result nan = runWithInput("x\n1\nnan\n", "predict", oneD.toString(), "-");
        assertEquals(1, nan.code());
        assertTrue(nan.err().contains("standard input"), nan.err());
    }

    @Test
    void predictRejectsABadModel() throws Exception {
        Path model = write("m.json", "{\"format\": \"something else\"}");
        Result r = run("predict", model.toString(), pStarData().toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\"format\" must be"), r.err());
    }

    @Test
    void demoSolvesTheExamplesAndWritesPlots() {
        Path out = dir.resolve("demo");
        Result r = run("demo", "--out", out.toString(), "--no-training");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("l0: 3   l^0.5: 3"), r.out());
        assertTrue(r.out().contains("p* = 0.1807"), r.out());
        assertTrue(r.out().contains("Noisy sine, 200 points"), r.out());
        for (String f : new String[] {"peak-plateau.png", "p-star-example.png", "noisy-sine.png"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }

    @Test
    void trainWritesModelMetricsAndPlot() throws Exception {
        Path data = write("peak.csv", "x,y\n-2,0\n-1,0\n0,1\n1,1\n2,0\n3,0\n");
        Path model = dir.resolve("m.json");
        Path log = dir.resolve("log.csv");
        Path plot = dir.resolve("h.png");
        Result r = run("train", data.toString(), "--epochs", "3000", "-o", model.toString(), "--log", log.toString(),
                "--plot", plot.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MSE trained"), r.out());
        assertTrue(r.out().contains("interpolates every point"), r.out());
        assertTrue(Files.readString(log).startsWith("epoch,loss,active\n"));
        assertTrue(Files.size(plot) > 1000);
        assertEquals(0, run("predict", model.toString(), data.toString()).code());
        Result bad = run("train", data.toString(), "--optimizer", "sgd");
        assertEquals(2, bad.code(), "a wrong value on the command line (README: exit code 2)");
        assertTrue(bad.err().contains("--optimizer must be prox, adam or adamw"), bad.err());
        assertEquals(1, run("train", data.toString(), "--width", "0").code());
        StringBuilder zigzag = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            zigzag.append(i).append(',').append((i * 7919 % 13) - 6).append('\n');
        }
        Result short_ = run("train", write("zigzag.csv", zigzag.toString()).toString(), "--epochs", "3", "--width", "2");
        assertEquals(0, short_.code(), short_.err());
        assertTrue(short_.out().contains("does not interpolate: residual"), "three epochs of two neurons: " + short_.out());
    }

    @Test
    void trainReadsMultivariateData() throws Exception {
        Path data = write("nd.csv", "a,b,y\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n");
        Path model = dir.resolve("nd.json");
        Result r = run("train", data.toString(), "--lambda", "0.003", "--epochs", "2000", "--width", "8", "-o", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 points in 2 dimensions"), r.out());
        Map<?, ?> m = (Map<?, ?>) Json.parse(Files.readString(model));
        assertEquals("sparsest-relu/multivariate", m.get("format"));
        Result p = run("predict", model.toString(), data.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(4, p.out().trim().split("\n").length);
    }

    @Test
    void univariateOnlyTrainingOptionsAreRefusedForMultivariateData() throws Exception {
        Path data = write("nd2.csv", "a,b,y\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n");
        for (String[] option : new String[][] {{"--restarts", "2"}, {"--normalize"}, {"--no-knot-merging"}}) {
            String[] args = new String[option.length + 4];
            args[0] = "train";
            args[1] = data.toString();
            args[2] = "--epochs";
            args[3] = "10";
            System.arraycopy(option, 0, args, 4, option.length);
            Result r = run(args);
            assertEquals(2, r.code(), option[0] + ": " + r.err());
            assertTrue(r.err().contains(option[0] + " applies to 1-D data"), r.err());
        }
    }

    @Test
    void paperTrainingTableShowsTheExactOptimumReached() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PaperExperiments.univariate(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String table = buf.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("exact optimum (chord path): 3 neurons"), table);
        String p04 = table.lines().filter(l -> l.trim().startsWith("p = 0.4")).findFirst().orElseThrow();
        String[] cols = p04.trim().split("\\s+");
        assertEquals("3", cols[cols.length - 3], "final neurons at p = 0.4: " + p04);
    }
}
